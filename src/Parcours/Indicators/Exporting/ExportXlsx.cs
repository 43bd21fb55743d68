using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Indicators.Exporting;

/// <summary>
/// The report as a workbook: "Synthèse" (the report's table) and "Détail" (the long format).
/// Figures are stored as numbers; a hidden figure is the text "secret" with its reason beside it.
/// </summary>
public static class IndicatorWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SummarySheet = "Synthèse";
    public const string DetailSheet = "Détail";

    private const uint Bold = 1;

    public static byte[] Write(IndicatorReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, SummarySheet, SummaryRows(report));
            AddSheet(workbook, sheets, 2, DetailSheet, DetailRows(report));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<object?[]> SummaryRows(IndicatorReport report)
    {
        yield return [ReportText.Title(report)];
        yield return [ReportText.Provenance(report.Publication)];
        yield return [];
        yield return Header(ReportText.SummaryHeader(report.Publication.BaselineYear, report.Year));
        foreach (var row in ReportRows.Summary(report))
        {
            var notes = new[] { row.Baseline, row.Current, row.Evolution }.Concat(new[] { row.BaselinePopulation, row.CurrentPopulation }.OfType<ReportFigure>())
                .Where(f => f.IsHidden).Select(f => ReportText.Note(f.Secret, report.Publication.Threshold)).Distinct();
            yield return [row.Theme, row.Indicator, row.Code, row.Unit, row.Baseline, row.Current, row.Evolution, row.BaselinePopulation, row.CurrentPopulation,
                string.Join(" ; ", notes)];
        }
    }

    private static IEnumerable<object?[]> DetailRows(IndicatorReport report)
    {
        yield return Header(ReportText.DetailHeader);
        foreach (var row in ReportRows.Detail(report))
            yield return [row.Indicator, row.Code, (double)row.Version, (double)row.Year, row.Neighbourhood, row.Breakdown, row.Category, row.Value, row.Note];
    }

    private static object?[] Header(IEnumerable<string> titles) => titles.Select(t => (object?)new HeaderText(t)).ToArray();

    private sealed record HeaderText(string Text);

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 0;
        foreach (var values in rows)
        {
            r++;
            var row = new Row { RowIndex = r };
            for (var c = 0; c < values.Length; c++)
                if (CellOf(values[c], $"{Column(c)}{r}") is { } cell) row.Append(cell);
            data.Append(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    /// <summary>A number as a number, a hidden figure as the text "secret", nothing for a figure with no value.</summary>
    private static Cell? CellOf(object? value, string reference) => value switch
    {
        null => null,
        ReportFigure { IsHidden: true } => Text(reference, "secret"),
        ReportFigure { Value: { } number } => Number(reference, number),
        ReportFigure => null,
        double number => Number(reference, number),
        HeaderText header => Text(reference, header.Text, Bold),
        string text => Text(reference, text),
        _ => Text(reference, value.ToString() ?? ""),
    };

    private static Cell Number(string reference, double value) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) };

    private static Cell Text(string reference, string text, uint style = 0) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>The minimal stylesheet: the default format and a bold one for headers.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }, new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true }) { Count = 2 });
}

public static class ExportXlsxEndpoint
{
    [WolverineGet("/api/indicators/export.xlsx", OperationId = "exportIndicatorsXlsx")]
    public static async Task<IResult> Get(CurrentWorker worker, IndicatorPublications publications, PublicationLog log, IQuerySession session, AuditTrail trail,
        TimeProvider time, CancellationToken ct, int? annee = null, string? quartier = null, string? asOf = null)
    {
        var (report, refusal) = await ReportRequest.ResolveAsync(worker, new ReportSources(publications, log, session, trail, time), "xlsx", annee, quartier, asOf, ct);
        return report is null
            ? OutcomeResults.ToProblem(refusal!)
            : Results.File(IndicatorWorkbook.Write(report), IndicatorWorkbook.ContentType, ReportText.FileName(report, "xlsx"));
    }
}
