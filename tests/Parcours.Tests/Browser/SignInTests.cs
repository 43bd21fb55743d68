using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>Signing in and out through the development OpenID Connect provider, as a person would.</summary>
public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_person_signs_in_at_the_provider_lands_where_they_were_going_and_signing_out_ends_both_sessions()
    {
        await VisitAsync("/dossiers/nouveau");
        await Expect(Page).ToHaveURLAsync(new Regex("/idp/connexion"));
        await Expect(Page.GetByText("Fournisseur d'identité de développement").First).ToBeVisibleAsync();
        await ScreenshotAsync("0-fournisseur-de-developpement");

        await ChooseAtProviderAsync(Page, Staff.PreReferent);
        await Expect(Page).ToHaveURLAsync(new Regex("/dossiers/nouveau$"));
        await Expect(Page.Locator(".account__name")).ToHaveTextAsync(Staff.PreReferent.DisplayName);
        await ExpectAccessibleAsync();

        var requests = new List<string>();
        Page.Request += (_, request) => requests.Add(request.Url);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/deconnexion/terminee$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes déconnecté·e" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        var endSession = Assert.Single(requests, url => url.Contains("/idp/endsession"));
        Assert.Contains("id_token_hint=", endSession);
        Assert.Contains("post_logout_redirect_uri=", endSession);
        var cookies = await Page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name is "parcours" or "parcours-idp");

        // Both sessions are over: the provider asks who is signing in again.
        await VisitAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/idp/connexion"));
    }

    [Fact]
    public async Task a_person_habilitated_in_two_structures_chooses_the_one_this_session_is_for()
    {
        await Page.GotoAsync("/connexion");
        await ChooseAtProviderAsync(Page, Staff.CcasSocialWorker);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choisir votre structure" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await ExpectAccessibleAsync();
        await ScreenshotAsync("0-choix-de-structure");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choisissez une structure.");
        await ExpectAccessibleAsync();

        // A structure she is not habilitated in, slipped into the form, is refused on the server.
        await Page.GetByLabel("CCAS de Calais").EvaluateAsync($"radio => {{ radio.value = '{Parcours.Reference.Structures.PreCalais}'; radio.checked = true; }}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choisissez une structure.");

        await Page.GetByLabel("SAS Coluche").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes suivis", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".account__structure")).ToHaveTextAsync("SAS Coluche");
    }

    [Fact]
    public async Task a_person_the_provider_knows_but_parcours_does_not_sees_only_the_explanation()
    {
        await Page.GotoAsync("/connexion");
        await Page.GetByLabel("Adresse électronique").FillAsync("personne.inconnue@exemple.fr");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/sans-habilitation$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accès non autorisé" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await VisitAsync("/dossiers/nouveau");
        await Expect(Page).ToHaveURLAsync(new Regex("/sans-habilitation$"));
    }
}
