using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>Who sees which file, and how the caseload narrows down.</summary>
public sealed class AccessTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_worker_of_another_structure_gets_the_same_404_as_for_a_file_that_does_not_exist()
    {
        var pathway = await ReferredAsync(Staff.PreReferent, Person("Sarah", "Lambert", 7, Parcours.Kernel.Sex.F));
        await SignInAs(Staff.SasEducator);

        Assert.Equal(404, await VisitAsync($"/dossiers/{pathway}"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dossier introuvable" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Sarah")).ToHaveCountAsync(0);

        Assert.Equal(404, await VisitAsync($"/dossiers/{Guid.CreateVersion7()}"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dossier introuvable" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_caseload_filters_by_neighbourhood_including_its_sub_sectors()
    {
        // Only this test refers people to the Cité de l'emploi, so its caseload is predictable.
        await ReferredAsync(Staff.CiteAdviser, Person("Jordan", "Lemaire", 30), "CITE", "BM-GAGARINE", "ADULTES");
        await ReferredAsync(Staff.CiteAdviser, Person("Kevin", "Roussel", 20), "CITE", "FNCSP-VAUXHALL", "JEUNES");
        await SignInAs(Staff.CiteAdviser);
        await Expect(Page.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

        await Page.GetByLabel("Quartier").SelectOptionAsync("BM");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Jordan LEMAIRE" })).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kevin ROUSSEL" })).ToHaveCountAsync(0);
        await Expect(Page.GetByText("1 parcours", new() { Exact = true })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Statut").SelectOptionAsync("Active");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("Aucun parcours ne correspond à ces critères.")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }
}
