using System.Text;
using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Indicators.Exporting;

/// <summary>
/// The long format as a CSV that French Excel opens as it is: UTF-8 with a byte-order mark,
/// <c>;</c> between fields, decimal commas, CRLF line ends, quotes only where needed.
/// </summary>
public static class IndicatorCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IndicatorReport report)
    {
        var text = new StringBuilder();
        Line(text, ReportText.DetailHeader);
        foreach (var row in ReportRows.Detail(report))
        {
            Line(text, [row.Indicator, row.Code, row.Version.ToString(ReportText.Numbers), row.Year.ToString(ReportText.Numbers), row.Neighbourhood,
                row.Breakdown, row.Category, row.Value.Value is { } v ? ReportText.Number(v) : "", row.Note]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(';', fields.Select(Field))).Append("\r\n");

    /// <summary>Quoted when it holds a separator, a quote or a line end; text that Excel would read as a formula is prefixed with an apostrophe.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}

public static class ExportCsvEndpoint
{
    [WolverineGet("/api/indicators/export.csv", OperationId = "exportIndicatorsCsv")]
    public static async Task<IResult> Get(CurrentWorker worker, IndicatorPublications publications, PublicationLog log, IQuerySession session, AuditTrail trail,
        TimeProvider time, CancellationToken ct, int? annee = null, string? quartier = null, string? asOf = null)
    {
        var (report, refusal) = await ReportRequest.ResolveAsync(worker, new ReportSources(publications, log, session, trail, time), "csv", annee, quartier, asOf, ct);
        return report is null
            ? OutcomeResults.ToProblem(refusal!)
            : Results.File(IndicatorCsv.Write(report), IndicatorCsv.ContentType, ReportText.FileName(report, "csv"));
    }
}
