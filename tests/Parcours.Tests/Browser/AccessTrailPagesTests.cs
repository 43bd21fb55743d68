using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>The pages of the access trail: the officer's journal and a file's access history.</summary>
public sealed class AccessTrailPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task the_coordinator_sees_who_opened_a_file_and_the_officer_finds_it_in_the_journal()
    {
        var id = await ReferredAsync(Staff.PreCoordinator, Person("Maël", "Lambert", 10));

        await SignInAs(Staff.PreCoordinator);
        await VisitAsync($"/dossiers/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir qui a consulté ce dossier (journal des accès)" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accès à ce dossier", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Staff.PreCoordinator.DisplayName }).First).ToContainTextAsync("Autorisé");
        await ExpectAccessibleAsync();

        var officer = await Page.Context.Browser!.NewContextAsync(new() { BaseURL = Fixture.BaseUrl });
        var page = await officer.NewPageAsync();
        await SignInAs(page, Staff.DataProtectionOfficer);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal des accès", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Identifiant du parcours").FillAsync(id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "pathway.access-history" })).ToHaveCountAsync(1);
        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "serious" or "critical");
        await officer.CloseAsync();
    }

    [Fact]
    public async Task a_referent_who_is_not_coordinator_has_no_access_history()
    {
        var id = await ReferredAsync(Staff.PreReferent, Person("Noé", "Garnier", 8));
        await SignInAs(Staff.PreReferent);
        await VisitAsync($"/dossiers/{id}");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Voir qui a consulté ce dossier (journal des accès)" })).ToHaveCountAsync(0);
        Assert.Equal(404, await VisitAsync($"/dossiers/{id}/acces"));
    }
}
