using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Indicators.Exporting;
using Parcours.Indicators.Publishing;
using Parcours.Pages.Shared;
using Parcours.Reference;

namespace Parcours.Pages.Indicateurs;

/// <summary>
/// « Indicateurs »: the live publication for a year and a neighbourhood (or the whole territory),
/// for those who may read the indicators; anybody else gets the French 403 page.
/// </summary>
public sealed class IndexModel(IQuerySession session, IndicatorPublications publications, IWebHostEnvironment environment) : PageModel
{
    /// <summary>Where the build copies Chart.js (from npm); without it the page shows its tables only.</summary>
    public const string ChartScript = "lib/chart.js/chart.umd.min.js";

    [BindProperty(SupportsGet = true, Name = "annee")]
    public string? YearQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "quartier")]
    public string? NeighbourhoodQuery { get; set; }

    public Publication Publication { get; private set; } = null!;
    public int Year { get; private set; }
    /// <summary>Null: the whole territory.</summary>
    public string? Neighbourhood { get; private set; }
    public string Where { get; private set; } = IndicateursText.WholeTerritory;
    public IReadOnlyList<ChoiceGroup> Neighbourhoods { get; private set; } = [];
    public IReadOnlyList<DashboardCard> Cards { get; private set; } = [];
    public string? Error { get; private set; }
    public bool ChartsAvailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IndicatorAccess.MayRead(HttpContext.CurrentWorker()!)) return StatusCode(StatusCodes.Status403Forbidden);

        var all = await session.Query<Territory>().ToListAsync(ct);
        var territories = all
            .Where(t => t.Kind is TerritoryKind.Qpv or TerritoryKind.WatchSector or TerritoryKind.Elsewhere)
            .OrderBy(t => t.Order)
            .ToList();
        Neighbourhoods = Groups(territories);
        Publication = await publications.LiveAsync(null, ct);
        Year = Publication.Years[^1];

        if (!string.IsNullOrWhiteSpace(YearQuery))
        {
            if (!int.TryParse(YearQuery.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !Publication.Years.Contains(year))
                return Refused(IndicateursText.UnknownYear(YearQuery.Trim(), Publication.Years));
            Year = year;
        }
        if (!string.IsNullOrWhiteSpace(NeighbourhoodQuery))
        {
            var value = NeighbourhoodQuery.Trim();
            var (territory, refusal) = ReportRequest.Neighbourhood(all, value);
            if (refusal is not null) return Refused(refusal.Detail, refusal.Status);
            (Neighbourhood, Where) = (territory!.Id, territory.Label);
        }

        var labels = await IndicatorLabels.LoadAsync(session, ct);
        Cards = Dashboard.Build(Publication, labels, Year, Neighbourhood, Where);
        ChartsAvailable = environment.WebRootFileProvider.GetFileInfo(ChartScript).Exists;
        return Page();
    }

    /// <summary>The charts' numbers, from the same cards as the tables: a secret or missing value is a gap (null).</summary>
    public string ChartData() => JsonSerializer.Serialize(Cards.SelectMany(c => c.Charts).Select(chart => new
    {
        id = chart.Id,
        type = chart.Line ? "line" : "bar",
        unit = chart.Unit,
        threshold = Publication.Threshold,
        label = chart.ValueHeader,
        labels = chart.Points.Select(p => p.Label),
        data = chart.Points.Select(p => p.Cell.Number),
    }));

    /// <summary>The same selection in the exports and the printable report.</summary>
    public string LinkTo(string path)
    {
        var query = $"?annee={Year.ToString(CultureInfo.InvariantCulture)}";
        if (Neighbourhood is not null) query += $"&quartier={Uri.EscapeDataString(Neighbourhood)}";
        return path + query;
    }

    private IActionResult Refused(string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private static IReadOnlyList<ChoiceGroup> Groups(IReadOnlyList<Territory> territories)
    {
        var groups = new List<ChoiceGroup>();
        foreach (var (kind, label) in new[]
                 {
                     (TerritoryKind.Qpv, IndicateursText.Priority),
                     (TerritoryKind.WatchSector, IndicateursText.WatchSectors),
                     (TerritoryKind.Elsewhere, IndicateursText.Elsewhere),
                 })
        {
            var choices = territories.Where(t => t.Kind == kind).Select(t => new Choice(t.Id, t.Label)).ToList();
            if (choices.Count > 0) groups.Add(new ChoiceGroup(label, choices));
        }
        return groups;
    }
}
