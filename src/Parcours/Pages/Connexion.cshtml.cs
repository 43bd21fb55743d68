using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Pages;

/// <summary>
/// Development sign-in: pick one of the demo professionals. OpenID Connect replaces this page;
/// the cookie carries the same claims CurrentWorker reads, so nothing downstream changes.
/// </summary>
public sealed class ConnexionModel(IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    public static class Text
    {
        public const string Title = "Connexion";
        public const string DevelopmentTitle = "Connexion de développement";
        public const string DevelopmentBody =
            "Cette page permet de se connecter en tant que professionnel de démonstration, sans mot de passe. " +
            "Elle sera remplacée par la connexion OpenID Connect de votre organisation.";
        public const string Choose = "Choisissez le professionnel avec lequel vous connecter :";
        public const string Disabled =
            "Aucune méthode de connexion n'est configurée sur ce serveur : la connexion de développement n'est ouverte " +
            "qu'avec la base embarquée ou en environnement de développement (réglage Parcours:DevelopmentSignIn).";
    }

    public sealed record StructureGroup(Guid StructureId, string StructureName, IReadOnlyList<Habilitation> Members);

    public IReadOnlyList<StructureGroup> Groups { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enabled => DevelopmentSignIn.IsEnabled(configuration, environment);

    public void OnGet() => Groups = Enabled ? GroupByStructure() : [];

    public async Task<IActionResult> OnPostAsync(Guid workerId)
    {
        if (!Enabled) return NotFound();
        if (Staff.All.FirstOrDefault(s => s.Id == workerId) is not { } member)
        {
            Groups = GroupByStructure();
            return Page();
        }

        var identity = new ClaimsIdentity(
            [
                new Claim("sub", member.Id.ToString()),
                new Claim("email", member.Email),
                new Claim(CurrentWorker.StructureClaim, member.StructureId.ToString()),
                new Claim("name", member.DisplayName),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme, "name", "role");
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private static List<StructureGroup> GroupByStructure() =>
        Staff.All.GroupBy(s => s.StructureId)
            .Select(g => new StructureGroup(g.Key, Structures.All.FirstOrDefault(s => s.Id == g.Key)?.Name ?? "", g.ToList()))
            .ToList();
}
