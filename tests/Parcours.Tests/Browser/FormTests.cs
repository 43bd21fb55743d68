using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>What a worker sees when a form is refused: the reason, where it applies, and nothing lost.</summary>
public sealed class FormTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_seventeen_year_old_referred_to_the_pre_is_refused_in_french_and_the_form_keeps_what_was_typed()
    {
        await SignInAs(Staff.PreReferent);
        await VisitAsync("/dossiers/nouveau");
        var birthDate = Iso(Today.AddYears(-17).AddDays(-30));
        await Page.GetByLabel("Prénom").FillAsync("Yanis");
        await Page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Bertin");
        await Page.GetByLabel("Date de naissance").FillAsync(birthDate);
        await Page.GetByLabel("Masculin").CheckAsync();
        await Page.GetByLabel("Téléphone (facultatif)").FillAsync("06 12 34 56 78");
        await Page.GetByLabel("Dispositif").SelectOptionAsync("PRE");
        await Page.GetByLabel("Origine de l'orientation").SelectOptionAsync("GPDS");
        await Page.GetByLabel("Quartier de résidence").SelectOptionAsync("FNCSP-TUNIS");
        await Page.GetByLabel("Motif de l'orientation").FillAsync("Décrochage scolaire depuis la rentrée.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("âge accepté de 2 à 16 ans");
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Erreur"));
        await Expect(alert.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#birth-date");
        var birthDateInput = Page.GetByLabel("Date de naissance");
        await Expect(birthDateInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#birth-date-erreur")).ToContainTextAsync("la personne a 17 ans");
        await Expect(birthDateInput).ToHaveValueAsync(birthDate);
        await Expect(Page.GetByLabel("Prénom")).ToHaveValueAsync("Yanis");
        await Expect(Page.GetByLabel("Nom", new() { Exact = true })).ToHaveValueAsync("Bertin");
        await Expect(Page.GetByLabel("Masculin")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Téléphone (facultatif)")).ToHaveValueAsync("06 12 34 56 78");
        await Expect(Page.GetByLabel("Dispositif")).ToHaveValueAsync("PRE");
        await Expect(Page.GetByLabel("Origine de l'orientation")).ToHaveValueAsync("GPDS");
        await Expect(Page.GetByLabel("Quartier de résidence")).ToHaveValueAsync("FNCSP-TUNIS");
        await Expect(Page.GetByLabel("Motif de l'orientation")).ToHaveValueAsync("Décrochage scolaire depuis la rentrée.");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("5-orientation-refusee");
    }

    [Fact]
    public async Task a_school_refers_a_pupil_to_the_pre_which_then_holds_the_file()
    {
        await SignInAs(Staff.SchoolWorker);
        await VisitAsync("/dossiers/nouveau");
        await Expect(Page.GetByLabel("Structure qui oriente (facultatif)")).ToHaveValueAsync(Staff.SchoolWorker.StructureId.ToString());
        await Expect(Page.GetByLabel("Structure référente")).ToHaveValueAsync("");
        await Page.GetByLabel("Prénom").FillAsync("Maël");
        await Page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Dubois");
        await Page.GetByLabel("Date de naissance").FillAsync(Iso(Today.AddYears(-12)));
        await Page.GetByLabel("Masculin").CheckAsync();
        await Page.GetByLabel("Dispositif").SelectOptionAsync("PRE");
        await Page.GetByLabel("Origine de l'orientation").SelectOptionAsync("ECOLE");
        await Page.GetByLabel("Quartier de résidence").SelectOptionAsync("SV-MOLLIEN");
        await Page.GetByLabel("Structure référente").SelectOptionAsync(Parcours.Reference.Structures.PreCalais.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("transmise à la structure référente : Programme de Réussite Éducative de Calais");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes suivis", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Maël DUBOIS" })).ToHaveCountAsync(0);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task an_empty_referral_form_asks_for_what_is_missing()
    {
        await SignInAs(Staff.PreReferent);
        await VisitAsync("/dossiers/nouveau");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Indiquez le sexe de la personne.");
        await Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Sexe" })).ToHaveAttributeAsync("aria-describedby", "sex-erreur");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Féminin").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le champ « Prénom » est obligatoire.");
        await Expect(Page.GetByLabel("Prénom")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("Féminin")).ToBeCheckedAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task a_form_posted_from_an_outdated_page_says_the_file_changed_meanwhile()
    {
        var pathway = await ReferredAsync(Staff.PreReferent, Person("Lina", "Garcia", 8));
        await SignInAs(Staff.PreReferent);
        await VisitAsync($"/dossiers/{pathway}");

        // A colleague admits the child while the page is open.
        var colleague = await Page.Context.Browser!.NewContextAsync(new() { BaseURL = Fixture.BaseUrl });
        var other = await colleague.NewPageAsync();
        await SignInAs(other, Staff.PreCoordinator);
        await other.GotoAsync($"/dossiers/{pathway}");
        await other.GetByRole(AriaRole.Button, new() { Name = "Admettre", Exact = true }).ClickAsync();
        await Expect(other.Locator(".file-header")).ToContainTextAsync("Admis");
        await colleague.CloseAsync();

        await Page.Locator("summary", new() { HasText = "Refuser l'orientation" }).ClickAsync();
        await Page.GetByLabel("Motif du refus").SelectOptionAsync("HORS-CRITERES");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser l'orientation" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("modifié entre-temps");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Admis");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task an_empty_date_is_reported_next_to_the_date_field()
    {
        var pathway = await ReferredAsync(Staff.PreReferent, Person("Noah", "Petit", 10));
        await SignInAs(Staff.PreReferent);
        await VisitAsync($"/dossiers/{pathway}");

        await Page.GetByLabel("Date d'admission").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admettre", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Indiquez la date.");
        await Expect(Page.Locator("#accept-date-erreur")).ToContainTextAsync("Indiquez la date.");
        await Expect(Page.GetByLabel("Date d'admission")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Orienté, en attente");
        await ExpectAccessibleAsync();
    }
}
