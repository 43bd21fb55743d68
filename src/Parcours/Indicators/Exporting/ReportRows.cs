namespace Parcours.Indicators.Exporting;

/// <summary>One line of the long format ("Détail"): one figure with where it belongs.</summary>
public sealed record DetailRow(string Indicator, string Code, int Version, int Year, string Neighbourhood, string Breakdown, string Category, ReportFigure Value, string Note);

/// <summary>One line of the report's table ("Synthèse"): an indicator, its baseline, its year, the evolution.</summary>
public sealed record SummaryRow(string Theme, string Indicator, string Code, string Unit, ReportFigure Baseline, ReportFigure Current, ReportFigure Evolution,
    ReportFigure? BaselinePopulation, ReportFigure? CurrentPopulation);

/// <summary>The report as rows, for the CSV and the workbook (pure).</summary>
public static class ReportRows
{
    public static IReadOnlyList<SummaryRow> Summary(IndicatorReport report) =>
        report.Indicators.Select(i => new SummaryRow(i.Theme, i.Label, i.Code, ReportText.Unit(i.Measurement),
            i.Baseline.Value, i.Current.Value, i.Evolution, i.Baseline.Population, i.Current.Population)).ToList();

    /// <summary>
    /// Per indicator: the baseline year's figure, the year's figure (with the population of a rate
    /// or a median), the evolution, then every breakdown of the year.
    /// </summary>
    public static IReadOnlyList<DetailRow> Detail(IndicatorReport report)
    {
        var threshold = report.Publication.Threshold;
        var rows = new List<DetailRow>();
        foreach (var indicator in report.Indicators)
        {
            DetailRow Row(int year, string breakdown, string category, ReportFigure value) =>
                new(indicator.Label, indicator.Code, indicator.Version, year, report.NeighbourhoodLabel, breakdown, category, value,
                    ReportText.Note(value.Secret, threshold));

            var years = indicator.Baseline.Year == indicator.Current.Year ? [indicator.Current] : new[] { indicator.Baseline, indicator.Current };
            foreach (var year in years)
            {
                rows.Add(Row(year.Year, ReportText.Whole, indicator.Measurement == Measurement.Count ? ReportText.Total : ReportText.Unit(indicator.Measurement), year.Value));
                if (year.Population is { } population) rows.Add(Row(year.Year, ReportText.Whole, ReportText.Population, population));
            }
            if (indicator.Baseline.Year != indicator.Current.Year)
                rows.Add(Row(indicator.Current.Year, ReportText.Evolution(indicator.Baseline.Year), ReportText.EvolutionUnit(indicator.Measurement), indicator.Evolution));
            foreach (var breakdown in indicator.Breakdowns)
            foreach (var cell in breakdown.Cells)
                rows.Add(Row(indicator.Current.Year, breakdown.Label, cell.Label, cell.Value));
        }
        return rows;
    }
}
