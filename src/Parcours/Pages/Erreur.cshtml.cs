using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parcours.Pages;

/// <summary>
/// The French page behind an empty error answer of a page (status code re-executed here). A
/// hidden file and a missing one both end here with the same 404 and the same words.
/// </summary>
[AllowAnonymous]
public sealed class ErreurModel : PageModel
{
    public static class Text
    {
        public const string NotFoundTitle = "Page introuvable";
        public const string NotFoundBody = "Cette page n'existe pas, ou vous n'y avez pas accès.";
        public const string OtherTitle = "Une erreur est survenue";
        public const string OtherBody = "La demande n'a pas pu aboutir. Réessayez ; si le problème persiste, prévenez l'administrateur de Parcours.";
        public const string Home = "Retour à l'accueil";
    }

    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}
