using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>The administrator's pages: structures and habilitations, and what they change for the people concerned.</summary>
public sealed class AdministrationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task an_administrator_habilitates_a_new_colleague_who_can_then_sign_in()
    {
        var email = $"lea.{Guid.NewGuid():N}"[..12] + "@ccas-calais.example";
        await SignInAs(Staff.Administrator);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Habilitations", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await ScreenshotAsync("7-habilitations");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle habilitation" }).ClickAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Nom affiché").FillAsync("Léa Roussel");
        await Page.GetByLabel("Adresse électronique").FillAsync(email);
        await Page.GetByLabel("Structure").SelectOptionAsync(new SelectOptionValue { Label = "CCAS de Calais" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cochez au moins un rôle.");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("8-habilitation-erreur");

        await Page.GetByLabel("Partenaire").CheckAsync();
        await Page.GetByLabel("Membre de commission").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'habilitation de Léa Roussel a été enregistrée.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Partenaire");

        // Once more in the same structure: the same person cannot be habilitated twice there.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle habilitation" }).ClickAsync();
        await Page.GetByLabel("Nom affiché").FillAsync("Léa Roussel");
        await Page.GetByLabel("Adresse électronique").FillAsync(email.ToUpperInvariant());
        await Page.GetByLabel("Structure").SelectOptionAsync(new SelectOptionValue { Label = "CCAS de Calais" });
        await Page.GetByLabel("Partenaire").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("a déjà une habilitation dans cette structure");
        await ExpectAccessibleAsync();

        var colleague = await Page.Context.Browser!.NewContextAsync(new() { BaseURL = Fixture.BaseUrl });
        var page = await colleague.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes suivis", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".account__structure")).ToHaveTextAsync("CCAS de Calais");
        // Not an administrator: the administration does not exist for her.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.GotoAsync("/admin/habilitations"))!.Status);
        await colleague.CloseAsync();
    }

    [Fact]
    public async Task an_administrator_adds_a_structure_that_runs_a_programme()
    {
        var name = $"Centre social {Guid.NewGuid():N}"[..22];
        await SignInAs(Staff.Administrator);
        await VisitAsync("/admin/structures");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Structures", Level = 1 })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle structure" }).ClickAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Nom").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le type de structure est obligatoire");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Type de structure").FillAsync("Centre social");
        await Page.GetByLabel("SAS Coluche").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"La structure « {name} » a été enregistrée.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("SAS Coluche");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = $"Modifier la structure {name}" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/structures/[0-9a-f-]{36}$"));
        await Expect(Page.GetByLabel("SAS Coluche")).ToBeCheckedAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task the_administration_is_a_page_that_does_not_exist_for_other_roles()
    {
        await SignInAs(Staff.PreCoordinator);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        Assert.Equal(404, (await Page.GotoAsync("/admin/habilitations"))!.Status);
        Assert.Equal(404, (await Page.GotoAsync($"/admin/structures/{Parcours.Reference.Structures.Ccas}"))!.Status);
    }
}
