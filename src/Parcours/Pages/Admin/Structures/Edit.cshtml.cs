using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Pages.Shared;
using Parcours.Reference;
using Parcours.Reference.Administering;
using Wolverine;

namespace Parcours.Pages.Admin.Structures;

/// <summary>Adds a structure (« nouvelle ») or changes one; the handlers hold the rules.</summary>
[AdministratorsOnly]
public sealed class EditModel(IQuerySession session, IMessageBus bus) : PageModel, IFormPage
{
    public static class Text
    {
        public const string NewTitle = "Nouvelle structure";
        public const string EditTitle = "Modifier une structure";
        public const string Name = "Nom";
        public const string Kind = "Type de structure";
        public const string KindHint = "Par exemple « Centre social », « Éducation nationale », « Association ».";
        public const string Programmes = "Dispositifs portés (facultatif)";
        public const string ProgrammesHint = "Une structure qui porte un dispositif peut être référente de ses parcours.";
        public const string Save = "Enregistrer";
        public const string Cancel = "Annuler";
        public const string Breadcrumb = "Fil d'Ariane";
        public static string Saved(string name) => $"La structure « {name} » a été enregistrée.";
    }

    public sealed class StructureInput
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public List<string> Programmes { get; set; } = [];
    }

    public const string FormId = "structure-form";

    private static readonly Dictionary<string, string> Fields = new() { ["name"] = "name", ["kind"] = "kind", ["programmes"] = "programmes" };

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(Name = "structure")]
    public StructureInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<Programme> AllProgrammes { get; private set; } = [];
    public string Title => Id is null ? Text.NewTitle : Text.EditTitle;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await session.LoadAsync<Structure>(id, ct) is not { } existing) return NotFound();
            Input = new StructureInput { Name = existing.Name, Kind = existing.Kind, Programmes = [.. existing.Programmes] };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        var change = new StructureChange(Input.Name, Input.Kind, Input.Programmes);
        object command = Id is { } id ? new ChangeStructure(id, change, worker) : new CreateStructure(Guid.CreateVersion7(), change, worker);
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is { Status: StatusCodes.Status404NotFound }) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            var target = Fields.GetValueOrDefault(refusal.Field ?? "", FormId);
            Errors.Add(target, refusal.Detail, linked: target != FormId);
            await LoadAsync(ct);
            return Page();
        }
        Notice = Text.Saved(Input.Name!.Trim());
        return Redirect("/admin/structures");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        AllProgrammes = (await session.Query<Programme>().ToListAsync(ct)).OrderBy(p => p.Order).ToList();
}
