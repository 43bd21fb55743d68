using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Documents;
using Parcours.Documents.Editing;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Scriban.Runtime;
using Wolverine;

namespace Parcours.Pages.Modeles;

/// <summary>Edits a template: preview against fictional data (nothing saved), or save as a new version.</summary>
[TemplateEditorsOnly]
public sealed class EditModel(IQuerySession session, IMessageBus bus, TimeProvider time) : PageModel, IFormPage
{
    public static class Text
    {
        public static string Title(string title) => $"Modifier « {title} »";
        public const string TitleField = "Titre du document";
        public const string Body = "Contenu du modèle (HTML et Scriban)";
        public const string BodyHint = "Les valeurs s'écrivent {{ nom_de_variable }} ; les boucles {{ for item in items }} … {{ end }}. Tout ce qu'affiche un bloc {{ }} est échappé : impossible d'y insérer du HTML.";
        public const string ChangeNote = "Ce qui change dans cette version";
        public const string ChangeNoteHint = "Obligatoire pour enregistrer ; visible dans l'historique.";
        public const string Preview = "Aperçu";
        public const string Save = "Enregistrer une nouvelle version";
        public const string Cancel = "Retour aux modèles";
        public const string History = "Historique des versions";
        public const string PreviewTitle = "Aperçu avec des données fictives";
        public const string PreviewFrame = "Aperçu du document avec des données fictives";
        public const string PreviewNotice = "Aperçu seulement : rien n'a été enregistré.";
        public const string Variables = "Variables disponibles";
        public static string Based(int version) => $"Modification à partir de la version {version}.";
    }

    public sealed class TemplateInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? ChangeNote { get; set; }
        public int? ExpectedVersion { get; set; }
    }

    public const string FormId = "template-form";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>Starts the editor from an older version's body (from the history).</summary>
    [BindProperty(SupportsGet = true, Name = "depuis")]
    public int? From { get; set; }

    [BindProperty(Name = "template")]
    public TemplateInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public TemplateKind Kind { get; private set; } = null!;
    public string? PreviewHtml { get; private set; }
    public IReadOnlyList<string> Variables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Load()) return NotFound();
        var versions = await session.VersionsAsync(Kind, ct);
        var latest = versions.FirstOrDefault() ?? await session.LatestAsync(Kind, ct);
        var start = From is { } from ? versions.FirstOrDefault(v => v.Version == from) ?? latest : latest;
        Input = new TemplateInput { Title = latest.Title, Body = start.Body, ExpectedVersion = latest.Version };
        return Page();
    }

    public IActionResult OnPostPreview()
    {
        if (!Load()) return NotFound();
        var (html, refusal) = PreviewTemplateEndpoint.Preview(Code, Input.Body, HttpContext.CurrentWorker()!, time);
        if (refusal is not null) Errors.Add("body", refusal.Detail);
        PreviewHtml = html;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Load()) return NotFound();
        TemplateSaveOutcome outcome;
        try
        {
            outcome = await bus.InvokeAsync<TemplateSaveOutcome>(new SaveTemplate(Code, Input.ExpectedVersion, Input.Title, Input.Body, Input.ChangeNote, HttpContext.CurrentWorker()!), ct);
        }
        catch (Exception e) when (ProblemExceptionHandler.Classify(e) is { Status: StatusCodes.Status409Conflict } conflict)
        {
            outcome = TemplateSaveOutcome.Refused(conflict);
        }
        if (outcome.Refusal is { } refusal)
        {
            var target = refusal.Field switch { "body" => "body", "changeNote" => "changeNote", "title" => "title", _ => FormId };
            Errors.Add(target, refusal.Detail, linked: target != FormId);
            return Page();
        }
        Notice = ModelesText.Saved(Input.Title?.Trim() is { Length: > 0 } title ? title : Kind.Title, outcome.Version);
        return Redirect("/modeles");
    }

    private bool Load()
    {
        if (TemplateCatalogue.Find(Code) is not { } kind) return false;
        Kind = kind;
        Variables = Paths(DocumentModel.From(kind.Sample(time.Today())), "").ToList();
        return true;
    }

    /// <summary>The variable paths of the kind's model, for the editor's help (items[] for lists).</summary>
    private static IEnumerable<string> Paths(ScriptObject model, string prefix)
    {
        foreach (var (name, value) in model)
        {
            var path = prefix + name;
            switch (value)
            {
                case ScriptObject child:
                    foreach (var inner in Paths(child, path + ".")) yield return inner;
                    break;
                case ScriptArray { Count: > 0 } array when array[0] is ScriptObject first:
                    yield return $"{path} (liste ; pour chaque élément :)";
                    foreach (var inner in Paths(first, "  " + name + "[].")) yield return inner;
                    break;
                case ScriptArray:
                    yield return $"{path} (liste)";
                    break;
                default:
                    yield return path;
                    break;
            }
        }
    }
}
