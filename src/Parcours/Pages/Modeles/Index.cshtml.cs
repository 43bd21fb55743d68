using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Documents.Listing;

namespace Parcours.Pages.Modeles;

/// <summary>The document templates and their latest version.</summary>
[TemplateEditorsOnly]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public static class Text
    {
        public const string Title = ModelesText.Templates;
        public const string Intro = "Les documents imprimés par Parcours (ordres du jour, comptes rendus, courriers, formulaires) sont produits à partir de ces modèles. Chaque enregistrement crée une nouvelle version ; la plus récente est utilisée. Les valeurs des dossiers sont toujours affichées comme du texte.";
        public const string Caption = "Modèles de documents et leur version en vigueur";
        public const string Document = "Document";
        public const string Version = "Version en vigueur";
        public const string SavedBy = "Enregistrée";
        public const string Actions = "Actions";
        public const string Edit = "Modifier";
        public const string History = "Historique";
        public static string EditLabel(string title) => $"Modifier le modèle « {title} »";
        public static string HistoryLabel(string title) => $"Historique du modèle « {title} »";
        public static string SavedOn(string at, string by) => $"le {at} par {by}";
    }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Templates = await ListTemplatesEndpoints.ListAsync(session, ct);
        return Page();
    }
}
