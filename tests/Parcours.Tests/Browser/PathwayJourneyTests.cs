using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>A PRE referent follows a child from the referral to the exit, through the pages only.</summary>
public sealed class PathwayJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_referent_follows_a_child_from_referral_to_exit()
    {
        await SignInAs(Staff.PreReferent);
        await Expect(Page.GetByText("Camille Lefebvre")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Programme de Réussite Éducative de Calais").First).ToBeVisibleAsync();
        await ScreenshotAsync("1-mes-suivis");

        // Nouvelle orientation: a 9-year-old girl living in Beau Marais, referred by her school.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Nouvelle orientation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle orientation", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Prénom").FillAsync("Inès");
        await Page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Moreau");
        await Page.GetByLabel("Date de naissance").FillAsync(Iso(Today.AddYears(-9).AddDays(-20)));
        await Page.GetByLabel("Féminin").CheckAsync();
        await Page.GetByLabel("Dispositif").SelectOptionAsync("PRE");
        await Page.GetByLabel("Origine de l'orientation").SelectOptionAsync("ECOLE");
        await Page.GetByLabel("Quartier de résidence").SelectOptionAsync("BM-GREUZE-VADEZ");
        await Page.GetByLabel("Motif de l'orientation").FillAsync("Absences répétées, fatigue en classe.");
        await ScreenshotAsync("2-nouvelle-orientation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();

        // The new file.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inès MOREAU", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'orientation a été enregistrée.");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Orienté, en attente");
        var summary = Page.Locator("#summary-title + dl");
        await Expect(summary).ToContainTextAsync(Fr(Today.AddYears(-9).AddDays(-20)));
        await Expect(summary).ToContainTextAsync("Beau Marais – Greuze-Vadez");
        await Expect(summary).ToContainTextAsync("Établissement scolaire");
        await Expect(summary).ToContainTextAsync("Absences répétées, fatigue en classe.");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Orientation reçue");
        await ExpectAccessibleAsync();

        // Admission.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admettre", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'admission a été enregistrée.");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Admis");
        await ExpectAccessibleAsync();

        // Accompaniment, with the signed-in worker as referent (preselected).
        await Expect(Page.GetByLabel("Référent·e du parcours")).ToHaveValueAsync(Staff.PreReferent.Id.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Démarrer l'accompagnement" }).ClickAsync();
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("En accompagnement");
        await Expect(summary).ToContainTextAsync("Camille Lefebvre");
        await ExpectAccessibleAsync();

        // An action on the schooling axis.
        await Page.Locator("summary", new() { HasText = "Prévoir une action" }).ClickAsync();
        await Page.GetByLabel("Axe ou contenu").SelectOptionAsync("SCOLARITE");
        await Page.GetByLabel("Action", new() { Exact = true }).FillAsync("Aide aux devoirs");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'action" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'action a été ajoutée.");
        var action = Page.Locator("#actions .item", new() { HasText = "Aide aux devoirs" });
        await Expect(action).ToContainTextAsync("Accompagnement à la scolarité");
        await Expect(action).ToContainTextAsync("Prévue");
        await ExpectAccessibleAsync();

        // It took place.
        await action.Locator("summary", new() { HasText = "Marquer comme réalisée" }).ClickAsync();
        await action.GetByLabel("Commentaire (facultatif)").FillAsync("Trois séances par semaine au centre social.");
        await action.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réalisation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'action a été marquée comme réalisée.");
        await Expect(action).ToContainTextAsync($"Réalisée le {Fr(Today)}");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Trois séances par semaine au centre social.");
        await ExpectAccessibleAsync();

        // The team's review.
        await Page.Locator("summary", new() { HasText = "Enregistrer un bilan" }).ClickAsync();
        await Page.GetByLabel("Synthèse du bilan").FillAsync("Assiduité retrouvée, la famille adhère au parcours.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le bilan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le bilan a été enregistré.");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Assiduité retrouvée, la famille adhère au parcours.");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("3-dossier-en-accompagnement");

        // Exit with an outcome.
        await Page.Locator("summary", new() { HasText = "Clôturer le parcours" }).ClickAsync();
        await Page.GetByLabel("Motif de sortie").SelectOptionAsync("OBJECTIFS-ATTEINTS");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clôturer le parcours" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le parcours a été clôturé.");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Sorti");
        await Expect(summary).ToContainTextAsync("Objectifs du parcours atteints");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Rouvrir le parcours" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Sortie du parcours – Objectifs du parcours atteints");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("4-dossier-clos");

        // Back to the caseload.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes suivis" }).First.ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Inès MOREAU" });
        await Expect(row).ToContainTextAsync("Sorti");
        await Expect(row).ToContainTextAsync("6-10 ans");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("5-mes-suivis-apres-sortie");
    }
}
