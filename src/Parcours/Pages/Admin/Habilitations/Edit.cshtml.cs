using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Pages.Shared;
using Parcours.Reference;
using Wolverine;

namespace Parcours.Pages.Admin.Habilitations;

/// <summary>Grants a habilitation (« nouvelle ») or changes one; the handlers hold the rules.</summary>
[AdministratorsOnly]
public sealed class EditModel(IQuerySession session, IMessageBus bus) : PageModel, IFormPage
{
    public static class Text
    {
        public const string NewTitle = "Nouvelle habilitation";
        public const string EditTitle = "Modifier une habilitation";
        public const string Intro = "La personne se connecte avec cette adresse auprès de son fournisseur d'identité ; elle n'accède qu'aux dossiers de la structure choisie, selon ses rôles.";
        public const string PersonLegend = "La personne";
        public const string DisplayName = "Nom affiché";
        public const string Email = "Adresse électronique";
        public const string EmailHint = "Celle que transmet le fournisseur d'identité (ProConnect ou autre).";
        public const string Position = "Fonction (facultatif)";
        public const string PositionHint = "Par exemple « Référente de parcours PRE ».";
        public const string AccessLegend = "L'accès";
        public const string Structure = "Structure";
        public const string Choose = "Choisir…";
        public const string Roles = "Rôles";
        public const string RolesHint = "Au moins un.";
        public const string Entitlements = "Informations sensibles accessibles (facultatif)";
        public const string EntitlementsHint = "Seules les personnes qui en ont besoin pour leur mission.";
        public const string Active = "Habilitation active";
        public const string ActiveHint = "Décochez pour retirer l'accès sans effacer l'habilitation.";
        public const string Save = "Enregistrer";
        public const string Cancel = "Annuler";
        public const string Breadcrumb = "Fil d'Ariane";
        public static string Saved(string name) => $"L'habilitation de {name} a été enregistrée.";
    }

    public sealed class HabilitationInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public Guid? StructureId { get; set; }
        public string? Position { get; set; }
        public List<string> Roles { get; set; } = [];
        public List<string> Entitlements { get; set; } = [];
        public bool Active { get; set; } = true;
    }

    public const string FormId = "habilitation-form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["displayName"] = "display-name",
        ["email"] = "email",
        ["position"] = "position",
        ["structureId"] = "structure",
        ["roles"] = "roles",
        ["entitlements"] = "entitlements",
    };

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(Name = "habilitation")]
    public HabilitationInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<Choice> Structures { get; private set; } = [];
    public string Title => Id is null ? Text.NewTitle : Text.EditTitle;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await session.LoadAsync<Habilitation>(id, ct) is not { } existing) return NotFound();
            Input = new HabilitationInput
            {
                DisplayName = existing.DisplayName, Email = existing.Email, StructureId = existing.StructureId, Position = existing.Position,
                Roles = existing.Roles.Select(r => r.ToString()).ToList(), Entitlements = existing.Entitlements.Select(e => e.ToString()).ToList(),
                Active = existing.Active,
            };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        var change = new HabilitationChange(Input.DisplayName, Input.Email, Input.StructureId, Input.Position, Input.Roles, Input.Entitlements, Input.Active);
        object command = Id is { } id ? new ChangeHabilitation(id, change, worker) : new GrantHabilitation(Guid.CreateVersion7(), change, worker);
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is { Status: StatusCodes.Status404NotFound }) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            var target = Fields.GetValueOrDefault(refusal.Field ?? "", FormId);
            Errors.Add(target, refusal.Detail, linked: target != FormId);
            await LoadAsync(ct);
            return Page();
        }
        Notice = Text.Saved(Input.DisplayName!.Trim());
        return Redirect($"/admin/habilitations?structure={Input.StructureId}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Structures = (await session.Query<Structure>().ToListAsync(ct)).OrderBy(s => s.Name).Select(s => new Choice(s.Id.ToString(), s.Name)).ToList();
}
