using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity.SigningIn;

namespace Parcours.Pages;

/// <summary>Sends the person to the identity provider (OpenID Connect), and back to where they were going.</summary>
public sealed class ConnexionModel(SignInSettings settings) : PageModel
{
    public static class Text
    {
        public const string Title = "Connexion";
        public const string NotConfigured =
            "Aucune méthode de connexion n'est configurée sur ce serveur : indiquez le fournisseur d'identité " +
            "(réglage Parcours:Authority), ou activez le fournisseur de développement sur un poste de développement " +
            "(réglage Parcours:DevelopmentSignIn).";
    }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (!settings.IsConfigured) return Page();
        var properties = new AuthenticationProperties { RedirectUri = StructureChoice.IsLocal(ReturnUrl) ? ReturnUrl : "/" };
        return Challenge(properties, Authentication.People);
    }
}
