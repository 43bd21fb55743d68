using System.Globalization;
using Parcours.Indicators.Definitions;

namespace Parcours.Indicators.Exporting;

/// <summary>
/// What the contract report's template sees (snake_cased by the renderer): every figure already
/// written in French ("secret (< 11)", "+12", "66,7"), so a template cannot show a hidden value.
/// </summary>
public sealed record ReportDocument(
    string Title,
    string Neighbourhood,
    int Year,
    int BaselineYear,
    bool IsBaselineYear,
    string ComputedAt,
    string? AsOf,
    long EventSequence,
    string? PublicationId,
    int Threshold,
    IReadOnlyList<ReportDocument.Line> Rows,
    ReportDocument.Table BySex,
    ReportDocument.Table ByAgeBand,
    IReadOnlyList<ReportDocument.Rule> Rules)
{
    /// <summary>A line of the contract's table.</summary>
    /// <summary>A line of the contract's table; <see cref="UnitNote"/> says "en %" for a rate (medians say "jours" in their label).</summary>
    public sealed record Line(string Theme, string Indicator, string Code, string Unit, string UnitNote, string Baseline, string Current, string Evolution,
        string BaselinePopulation, string CurrentPopulation, bool IsMeasure);

    /// <summary>A breakdown across indicators: one row per count indicator broken down this way.</summary>
    public sealed record Table(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows);

    public sealed record TableRow(string Indicator, IReadOnlyList<string> Values);

    /// <summary>How an indicator is counted, for the report's notes.</summary>
    public sealed record Rule(string Code, string Indicator, string Text);

    public static ReportDocument From(IndicatorReport report)
    {
        var threshold = report.Publication.Threshold;
        string Show(ReportFigure f) => Short(f, threshold);
        var rows = report.Indicators.Select(i => new Line(i.Theme, i.Label, i.Code, ReportText.Unit(i.Measurement), i.Measurement == Measurement.Rate ? "en %" : "",
            Show(i.Baseline.Value), Show(i.Current.Value),
            i.Evolution.IsHidden ? Show(i.Evolution) : ReportText.Signed(i.Evolution),
            i.Baseline.Population is { } bp ? Show(bp) : "", i.Current.Population is { } cp ? Show(cp) : "",
            i.Measurement != Measurement.Count)).ToList();
        var at = report.Publication.ComputedAt;
        return new ReportDocument(
            ReportText.Title(report),
            report.NeighbourhoodLabel, report.Year, report.Publication.BaselineYear, report.Year == report.Publication.BaselineYear,
            Paris(at), report.Publication.AsOf is { } asOf ? Paris(asOf) : null, report.Publication.EventSequence,
            report.Publication.PublicationId?.ToString(), threshold,
            rows,
            Across(report, Dimension.Sex, "Répartition par sexe", threshold),
            Across(report, Dimension.AgeBand, "Répartition par tranche d'âge", threshold),
            report.Indicators.Select(i => new Rule(i.Code, i.Label, i.Rule)).ToList());
    }

    /// <summary>A figure in a table cell: its value, or "secret" with the kind of secret.</summary>
    public static string Short(ReportFigure figure, int threshold) => figure.Secret switch
    {
        Secrecy.Primary => $"secret (< {threshold})",
        Secrecy.Secondary => "secret (secondaire)",
        Secrecy.Derived => "masquée",
        _ => ReportText.Display(figure),
    };

    private static Table Across(IndicatorReport report, Dimension by, string caption, int threshold)
    {
        var broken = report.Indicators.Where(i => i.Breakdowns.Any(b => b.By == by)).ToList();
        var columns = broken.SelectMany(i => i.Breakdowns.First(b => b.By == by).Cells.Select(c => (c.Code, c.Label))).Distinct().ToList();
        return new Table($"{caption} – {report.Year}", columns.Select(c => c.Label).ToList(),
            broken.Select(i =>
            {
                var cells = i.Breakdowns.First(b => b.By == by).Cells;
                return new TableRow(i.Label, columns.Select(c => cells.FirstOrDefault(x => x.Code == c.Code) is { } cell ? Short(cell.Value, threshold) : "—").ToList());
            }).ToList());
    }

    private static string Paris(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A fictional report for template previews: invented figures, nobody counted.</summary>
    public static ReportDocument Sample(DateOnly today)
    {
        var year = today.Year;
        var publication = new ReportPublication(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero), null, 123456, 11, 2023,
            Enumerable.Range(2023, Math.Max(1, year - 2022)).ToList(), Guid.Parse("0195a000-0000-7000-8000-00000000e7e5"));
        static ReportFigure N(double v) => new(v, Secrecy.None);
        static ReportBreakdown Sexes(ReportFigure f, ReportFigure m) => new(Dimension.Sex, "Sexe", [new("F", "Femmes", f), new("M", "Hommes", m)]);
        ReportBreakdown Ages() => new(Dimension.AgeBand, "Tranche d'âge",
            [new("6-10", "6-10 ans", N(24)), new("11-15", "11-15 ans", new(null, Secrecy.Secondary)), new("16-17", "16-17 ans", new(null, Secrecy.Primary))]);
        var indicators = new List<ReportIndicator>
        {
            new("SAISINES-PRE", 1, "Nombre de saisines du PRE (exemple)", ContractThemes.Education, Measurement.Count,
                new(2023, N(41), null), new(year, N(53), null), N(12), [Sexes(N(22), N(31)), Ages()], ReportText.Rule(IndicatorKind.Referrals)),
            new("SUIVIS-PRE", 1, "Nombre d'enfants et de jeunes suivis par le PRE (exemple)", ContractThemes.Safety, Measurement.Count,
                new(2023, N(252), null), new(year, new(null, Secrecy.Secondary), null), new(null, Secrecy.Derived), [Sexes(new(null, Secrecy.Primary), new(null, Secrecy.Secondary))]),
            new("TAUX-ACCEPTATION", 1, "Taux d'acceptation des orientations (exemple)", ContractThemes.Steering, Measurement.Rate,
                new(2023, N(62.5), N(16)), new(year, N(66.7), N(12)), N(4.2), []),
        };
        var report = new IndicatorReport(publication, year, "BM", "Beau Marais (exemple)", indicators);
        return From(report);
    }
}
