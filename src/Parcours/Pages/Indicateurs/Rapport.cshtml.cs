using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Documents;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Indicators.Exporting;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;
using Parcours.Kernel;

namespace Parcours.Pages.Indicateurs;

/// <summary>
/// The contract indicator report, printable: the latest "indicator-report" template rendered with
/// the view of the live publication for a year and a neighbourhood, under the documents' strict
/// policy. When the report cannot be made, the page says why (403, 400, 404) in the site's layout.
/// Printing it is traced like an export.
/// </summary>
public sealed class RapportModel(IndicatorPublications publications, PublicationLog log, IQuerySession session, AuditTrail trail, TimeProvider time) : PageModel
{
    public static class Text
    {
        public const string Title = "Rapport des indicateurs";
        public const string Back = "Retour aux indicateurs";
        public const string BadYear = "L'année doit être un nombre, par exemple 2026.";
        public const string Failed = "Le rapport n'a pas pu être produit.";
    }

    public const string Format = "rapport";

    public Refusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? annee, [FromQuery] string? quartier, [FromQuery] string? asOf, CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        int? year = null;
        if (!string.IsNullOrWhiteSpace(annee))
        {
            if (!int.TryParse(annee, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                return Refused(Kernel.Refusal.Invalid("annee", Text.BadYear));
            year = parsed;
        }
        var (report, refusal) = await ReportRequest.ResolveAsync(worker, new ReportSources(publications, log, session, trail, time), Format, year, quartier, asOf, ct);
        if (report is null) return Refused(refusal!);

        var document = await session.RenderAsync(TemplateCatalogue.IndicatorReport, ReportDocument.From(report), ct);
        if (document.Html is not { } html) return Refused(Kernel.Refusal.Rule(document.Error ?? Text.Failed));
        PrintableDocument.Protect(Response);
        return Content(html, "text/html; charset=utf-8");
    }

    private PageResult Refused(Refusal refusal)
    {
        Refusal = refusal;
        Response.StatusCode = refusal.Status;
        return Page();
    }
}
