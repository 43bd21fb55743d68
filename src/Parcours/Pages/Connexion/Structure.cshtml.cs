using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Identity.SigningIn;
using Parcours.Pages.Shared;
using Parcours.Reference;

namespace Parcours.Pages.Connexion;

/// <summary>
/// For a person habilitated in several structures: which one this session is for. The choice
/// is checked against the active habilitations again on the way in.
/// </summary>
public sealed class StructureModel(IQuerySession session) : PageModel, IFormPage
{
    public static class Text
    {
        public const string Title = "Choisir votre structure";
        public static string Intro(string name) =>
            $"{name}, vous êtes habilité·e dans plusieurs structures. Choisissez celle pour laquelle vous travaillez pendant cette session ; " +
            "vous ne verrez que les dossiers et les droits liés à cette structure.";
        public const string Legend = "Structure";
        public const string Continue = "Continuer";
        public const string Missing = "Choisissez une structure.";
        public const string SignOut = "Se déconnecter";
    }

    public const string FormId = "structure-form";

    public sealed record StructureChoiceItem(Guid StructureId, string StructureName, string Position);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public Guid? StructureId { get; set; }

    public FormErrors Errors { get; } = new();
    public string PersonName { get; private set; } = "";
    public IReadOnlyList<StructureChoiceItem> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SignInClaims.Read(User.Claims) is not { } person) return Redirect(Authentication.SignInPath);
        var habilitations = await StructureChoice.ActiveHabilitationsAsync(session, person.Email, ct);
        if (habilitations.Count == 0) return Redirect(CurrentWorkerPageFilter.NoHabilitationPath);
        if (habilitations.Count == 1) return await EnterAsync(person, habilitations[0].StructureId);
        await LoadAsync(person, habilitations, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignInClaims.Read(User.Claims) is not { } person) return Redirect(Authentication.SignInPath);
        var habilitations = await StructureChoice.ActiveHabilitationsAsync(session, person.Email, ct);
        if (habilitations.Count == 0) return Redirect(CurrentWorkerPageFilter.NoHabilitationPath);
        if (StructureId is { } chosen && habilitations.Any(h => h.StructureId == chosen)) return await EnterAsync(person, chosen);

        Errors.Add("structure", Text.Missing);
        await LoadAsync(person, habilitations, ct);
        return Page();
    }

    /// <summary>The same session (and its tokens, needed to sign out at the provider), now for one structure.</summary>
    private async Task<IActionResult> EnterAsync(SignedInPerson person, Guid structure)
    {
        var current = await HttpContext.AuthenticateAsync(Authentication.Cookie);
        var principal = SignInClaims.Principal(person, Authentication.Cookie, structure);
        await HttpContext.SignInAsync(Authentication.Cookie, principal, current.Properties ?? new AuthenticationProperties());
        return LocalRedirect(StructureChoice.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task LoadAsync(SignedInPerson person, IReadOnlyList<Habilitation> habilitations, CancellationToken ct)
    {
        PersonName = person.Name;
        var ids = habilitations.Select(h => h.StructureId).ToList();
        var structures = (await session.Query<Structure>().Where(s => ids.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        Choices = habilitations
            .Select(h => new StructureChoiceItem(h.StructureId, structures.GetValueOrDefault(h.StructureId, ""), h.Position))
            .OrderBy(c => c.StructureName)
            .ToList();
        StructureId ??= User.FindFirstValue(CurrentWorker.StructureClaim) is { } claimed && Guid.TryParse(claimed, out var id) ? id : null;
    }
}
