using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Pathways.Reading;

namespace Parcours.Tests.Browser;

/// <summary>The officer's rights pages: access requests, rectification, restrictions; and the file's banner.</summary>
public sealed class RightsPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<Guid> PersonOf(Guid pathwayId)
    {
        await using var session = Fixture.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<PathwayFile>(pathwayId))!.PersonId;
    }

    [Fact]
    public async Task the_officer_records_an_access_request_rectifies_and_restricts_and_the_file_says_so()
    {
        var pathwayId = await ReferredAsync(Staff.PreCoordinator, Person("Timéo", "Carpentier", 11));
        var personId = await PersonOf(pathwayId);

        await SignInAs(Staff.DataProtectionOfficer);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Droits des personnes" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Demandes d'accès", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Identifiant de la personne").FillAsync(personId.ToString());
        await Page.GetByLabel("La demande est faite par").SelectOptionAsync("Parent");
        await Page.GetByLabel("Nom de la personne qui fait la demande").FillAsync("Julie Carpentier");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et produire le document" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("le document est prêt");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = personId.ToString() })).ToHaveCountAsync(1);
        await ExpectAccessibleAsync();

        var document = await Page.Context.RunAndWaitForPageAsync(() => Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = "Document imprimable" }).ClickAsync());
        await Assertions.Expect(document.GetByRole(AriaRole.Heading, new() { Name = "Droit d'accès aux données personnelles" })).ToBeVisibleAsync();
        await Assertions.Expect(document.GetByText("Carpentier").First).ToBeVisibleAsync();
        await document.CloseAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Rectification d'identité" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rectification d'identité", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Identifiant de la personne").FillAsync(personId.ToString());
        await Page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Carpentier-Roux");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rectifier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'identité est rectifiée.");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Limitations du traitement" }).ClickAsync();
        await Page.GetByLabel("Identifiant du parcours").FillAsync(pathwayId.ToString());
        await Page.GetByLabel("Motif").FillAsync("Exactitude contestée par la famille.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Limiter le traitement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le traitement du parcours est limité.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = pathwayId.ToString() })).ToHaveCountAsync(1);
        await ExpectAccessibleAsync();

        var coordinator = await Page.Context.Browser!.NewContextAsync(new() { BaseURL = Fixture.BaseUrl });
        var page = await coordinator.NewPageAsync();
        await SignInAs(page, Staff.PreCoordinator);
        await page.GotoAsync($"/dossiers/{pathwayId}");
        await Assertions.Expect(page.GetByText("Ce parcours fait l'objet d'une limitation du traitement")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Identité rectifiée le {Fr(Today)}.")).ToBeVisibleAsync();
        await coordinator.CloseAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = $"Lever la limitation : {pathwayId}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("La limitation est levée.");
    }

    [Fact]
    public async Task the_rights_pages_are_not_found_for_anyone_but_the_officer()
    {
        await SignInAs(Staff.PreCoordinator);
        Assert.Equal(404, await VisitAsync("/confidentialite/demandes-acces"));
        Assert.Equal(404, await VisitAsync("/confidentialite/rectification"));
        Assert.Equal(404, await VisitAsync("/confidentialite/limitations"));
    }
}
