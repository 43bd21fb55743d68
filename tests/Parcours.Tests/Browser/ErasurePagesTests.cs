using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;

namespace Parcours.Tests.Browser;

/// <summary>The officer's erasure page: the confirmation, the refusal on a public-interest ground, the register and the verification report.</summary>
public sealed class ErasurePagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<Guid> PersonOf(Guid pathway)
    {
        await using var session = Fixture.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<PathwayFile>(pathway))!.PersonId;
    }

    [Fact]
    public async Task the_officer_confirms_an_irreversible_erasure_and_reads_a_clean_verification_report()
    {
        var person = await PersonOf(await ReferredAsync(Staff.SasEducator, Person("Ombeline", "Quatrebarbes", 19, Sex.F), programme: "SAS"));

        await SignInAs(Staff.DataProtectionOfficer);
        await VisitAsync("/confidentialite/effacements");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Effacements et anonymisation", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Identifiant de la personne").FillAsync(person.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cette opération est irréversible.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Refuser la demande (mission d'intérêt public)" })).ToHaveCountAsync(0);
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Effacer définitivement" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rapport de vérification" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aucune occurrence retrouvée.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = person.ToString() })).ToContainTextAsync("Effacée");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task the_officer_refuses_a_request_for_a_pre_child_with_the_public_interest_basis()
    {
        var person = await PersonOf(await ReferredAsync(Staff.PreReferent, Person("Anatole", "Vercingétorix", 10)));

        await SignInAs(Staff.DataProtectionOfficer);
        await VisitAsync($"/confidentialite/effacements?personne={person}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser la demande (mission d'intérêt public)" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = person.ToString() })).ToContainTextAsync("Demande refusée");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = person.ToString() })).ToContainTextAsync("mission d'intérêt public");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task an_unknown_person_is_reported_next_to_the_field()
    {
        await SignInAs(Staff.DataProtectionOfficer);
        await VisitAsync($"/confidentialite/effacements?personne={Guid.CreateVersion7()}");
        await Expect(Page.GetByText("Aucune personne ne correspond à cet identifiant.").First).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task the_page_does_not_exist_for_anyone_but_the_officer()
    {
        await SignInAs(Staff.PreCoordinator);
        Assert.Equal(404, await VisitAsync("/confidentialite/effacements"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Effacements" })).ToHaveCountAsync(0);
    }
}
