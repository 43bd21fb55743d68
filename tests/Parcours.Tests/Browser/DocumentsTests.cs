using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Committees;
using Parcours.Committees.Deciding;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Tests.Support;
using Wolverine;

namespace Parcours.Tests.Browser;

/// <summary>Document templates edited with a preview, and a sitting's documents to print, in the browser (with axe).</summary>
public sealed class DocumentsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_coordinator_previews_a_template_fixes_an_error_and_saves_a_new_version()
    {
        await SignInAs(Staff.CiteCoordinator);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Modèles de documents" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Modèles de documents", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Modifier le modèle « Courrier d'orientation »" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Modifier « Courrier d'orientation »", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        // A template that does not parse: the Scriban error, in French, next to the field.
        await Page.GetByLabel("Contenu du modèle (HTML et Scriban)").FillAsync("<h1>Bonjour {{ if person_name }}</h1>");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Expect(Page.Locator("#body-erreur")).ToContainTextAsync("Le modèle ne peut pas être lu");
        await Expect(Page.Locator(".error-summary")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        // Fixed: the preview shows fictional data, escaped, in a sandboxed frame; nothing is saved yet.
        await Page.GetByLabel("Contenu du modèle (HTML et Scriban)").FillAsync("<h1>Bonjour {{ person_name }}</h1><p>{{ destination }} – {{ receiving_structure }}</p><script>document.title='pris'</script>");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        var frame = Page.FrameLocator("iframe[title='Aperçu du document avec des données fictives']");
        await Expect(frame.Locator("h1")).ToHaveTextAsync("Bonjour Exemple PRÉNOM-FICTIF");
        await Expect(frame.Locator("p")).ToContainTextAsync("Prépa-apprentissage");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("rien n'a été enregistré");
        await ExpectAccessibleWithoutFramesAsync();
        await ScreenshotAsync("modeles-1-preview");

        // Saved with a note: a new version, shown in the history.
        await Page.GetByLabel("Ce qui change dans cette version").FillAsync("Courrier raccourci (test navigateur)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer une nouvelle version" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("est enregistrée");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Historique du modèle « Courrier d'orientation »" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Historique – Courrier d'orientation", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("tbody tr").First).ToContainTextAsync("Courrier raccourci (test navigateur)");
        await Expect(Page.Locator("tbody")).ToContainTextAsync("Modèle fourni avec Parcours.");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("modeles-2-history");
    }

    /// <summary>
    /// axe cannot run inside the preview's sandboxed frame (scripts are forbidden there, by design):
    /// the page around it is checked, and the frame's title.
    /// </summary>
    private async Task ExpectAccessibleWithoutFramesAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions { Iframes = false });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, string.Join("\n", blocking.Select(v => $"- [{v.Impact}] {v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task conveners_print_both_versions_and_letters_and_members_only_the_anonymised_ones()
    {
        var pathway = await ReferredAsync(Staff.SasEducator, Person("Sacha", "Imprimé", 19), "SAS", track: null);
        var store = Fixture.Services.GetRequiredService<IDocumentStore>();
        var sitting = await store.AdmissionInSession(pathway);
        using (var scope = Fixture.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommandOutcome>(new DecideItem(
                sitting.CommitteeId, sitting.ItemId, ItemOutcome.Orient, "CEJ", null, null, null, "Motif du test navigateur", null, CurrentWorker.Of(Staff.SasCoordinator)));
            Assert.Null(outcome.Refusal);
        }
        await store.ClosedAsync(sitting.CommitteeId, Staff.SasCoordinator, (Staff.SasCoordinator, true), (Staff.FranceTravailAdviser, true));

        await SignInAs(Staff.SasCoordinator);
        await VisitAsync($"/instances/{sitting.CommitteeId}/documents");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Documents – Comité d'admission mutualisé");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Courriers d'orientation", Level = 2 })).ToBeVisibleAsync();
        await ScreenshotAsync("documents-1-convener");

        var minutes = await Page.RunAndWaitForPopupAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version nominative" }).ClickAsync());
        await Assertions.Expect(minutes.Locator("h1")).ToContainTextAsync("Compte rendu");
        await Assertions.Expect(minutes.Locator("body")).ToContainTextAsync("Sacha IMPRIMÉ");
        await Assertions.Expect(minutes.Locator("body")).ToContainTextAsync("Motif du test navigateur");
        await minutes.CloseAsync();

        var letter = await Page.RunAndWaitForPopupAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Imprimer le courrier du dossier") }).ClickAsync());
        await Assertions.Expect(letter.Locator("body")).ToContainTextAsync("Sacha IMPRIMÉ");
        await Assertions.Expect(letter.Locator("h1")).ToHaveTextAsync("Objet : votre orientation");
        await letter.CloseAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAs(Staff.FranceTravailAdviser);
        await VisitAsync($"/instances/{sitting.CommitteeId}/documents");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version anonymisée" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version nominative" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Courriers d'orientation" })).ToHaveCountAsync(0);
        var anonymised = await Page.RunAndWaitForPopupAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version anonymisée" }).ClickAsync());
        await Assertions.Expect(anonymised.Locator("h1")).ToContainTextAsync("Compte rendu");
        await Assertions.Expect(anonymised.Locator("body")).Not.ToContainTextAsync("Sacha");
        await Assertions.Expect(anonymised.Locator("body")).Not.ToContainTextAsync("Motif du test navigateur");
        await ScreenshotAsync("documents-2-member");
    }
}
