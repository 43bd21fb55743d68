using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Documents.Listing;

namespace Parcours.Pages.Modeles;

/// <summary>Every saved version of a template, newest first; any may be the starting point of a new version.</summary>
[TemplateEditorsOnly]
public sealed class VersionsModel(IQuerySession session) : PageModel
{
    public static class Text
    {
        public static string Title(string title) => $"Historique – {title}";
        public const string Caption = "Versions du modèle, de la plus récente à la plus ancienne";
        public const string Version = "Version";
        public const string SavedBy = "Enregistrée";
        public const string Note = "Modification";
        public const string Content = "Contenu";
        public const string Current = "en vigueur";
        public static string Show(int version) => $"Voir le contenu de la version {version}";
        public static string StartFrom(int version) => $"Repartir de la version {version}";
        public static string SavedOn(string at, string by) => $"le {at} par {by}";
    }

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public TemplateHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ListTemplatesEndpoints.HistoryAsync(session, Code, ct) is not { } history) return NotFound();
        History = history;
        return Page();
    }
}
