using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity.DevelopmentProvider;
using Parcours.Identity.SigningIn;
using Parcours.Pages.Shared;

namespace Parcours.Pages.Idp;

/// <summary>
/// The development provider's own sign-in page: one click on a known person, or any e-mail,
/// signs in at the provider (not at Parcours: Parcours then checks the habilitations).
/// </summary>
public sealed class ConnexionModel(SignInSettings settings, DevelopmentDirectory directory) : PageModel, IFormPage
{
    public static class Text
    {
        public const string Title = "Se connecter";
        public const string WarningTitle = "Fournisseur d'identité de développement";
        public const string WarningBody =
            "Ce fournisseur sert aux essais sur un poste de développement : il connaît les professionnels fictifs de démonstration " +
            "et les personnes habilitées dans Parcours, et ne demande aucun mot de passe. En production, Parcours utilise le fournisseur " +
            "d'identité de votre organisation (ProConnect ou autre).";
        public const string Choose = "Choisissez la personne avec laquelle vous connecter :";
        public const string Inactive = " (habilitation désactivée)";
        public const string OtherTitle = "Une autre adresse";
        public const string OtherEmail = "Adresse électronique";
        public const string OtherHint = "Pour essayer une adresse sans habilitation, ou une habilitation créée depuis.";
        public const string SignIn = "Se connecter";
        public const string InvalidEmail = "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.";
    }

    public const string FormId = "other-account-form";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<DevelopmentDirectory.Entry> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!settings.DevelopmentProvider) return NotFound();
        Groups = await directory.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!settings.DevelopmentProvider) return NotFound();
        var email = Email?.Trim() ?? "";
        if (!SignInClaims.LooksLikeEmail(email))
        {
            Errors.Add("email", Text.InvalidEmail);
            Groups = await directory.ListAsync(ct);
            return Page();
        }

        var account = await directory.FindAsync(email, ct);
        var identity = new ClaimsIdentity([new Claim(SignInClaims.Email, account.Email), new Claim(SignInClaims.Name, account.Name)],
            DevelopmentProviderConfiguration.CookieScheme, SignInClaims.Name, "role");
        await HttpContext.SignInAsync(DevelopmentProviderConfiguration.CookieScheme, new ClaimsPrincipal(identity));
        // Only back to the provider's own authorization endpoint: this page is no open redirect.
        return ReturnUrl is { } returnUrl && returnUrl.StartsWith(DevelopmentProviderConfiguration.AuthorizePath + "?", StringComparison.Ordinal)
            ? LocalRedirect(returnUrl)
            : Redirect("/");
    }
}
