using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity.SigningIn;

namespace Parcours.Pages;

/// <summary>
/// Signs out (POST only: a link must not sign anybody out): ends the Parcours session, then the
/// provider's (its end-session endpoint), which sends the person back to « Déconnecté ».
/// </summary>
public sealed class DeconnexionModel(SignInSettings settings) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        var properties = new AuthenticationProperties { RedirectUri = Authentication.SignedOutPath };
        var session = await HttpContext.AuthenticateAsync(Authentication.Cookie);
        // Without the provider's ID token (no session, or an older one) there is nothing to end there.
        if (!settings.IsConfigured || session.Properties?.GetTokenValue("id_token") is null)
        {
            await HttpContext.SignOutAsync(Authentication.Cookie);
            return Redirect(Authentication.SignedOutPath);
        }
        return SignOut(properties, Authentication.Cookie, Authentication.People);
    }
}
