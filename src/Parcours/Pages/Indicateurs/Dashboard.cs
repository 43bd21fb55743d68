using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Publishing;

namespace Parcours.Pages.Indicateurs;

/// <summary>
/// One figure as the dashboard shows it: its French text, the number a chart draws (null for a
/// secret or a missing value: a gap, never a zero) and why it is hidden. <see cref="Count"/> is
/// set for counts only.
/// </summary>
public sealed record DashboardCell(string Text, double? Number, Suppression Suppression, int? Count = null, string? Why = null)
{
    public bool IsSecret => Suppression != Suppression.None;
}

public sealed record DashboardPoint(string Label, DashboardCell Cell);

/// <summary>A chart and its table (the table is the source of truth).</summary>
public sealed record DashboardChart(string Id, string Title, bool Line, string Caption, string CategoryHeader, string ValueHeader, string Unit, IReadOnlyList<DashboardPoint> Points);

public sealed record DashboardEvolution(string? Text, string? Baseline, string? Hidden);

public sealed record DashboardCard(
    string Code, string Label, bool IsCount, DashboardCell Figure, string? Population, DashboardEvolution Evolution,
    IReadOnlyList<DashboardChart> Charts, IReadOnlyList<string> Notes);

/// <summary>
/// Pure: the dashboard's view of one publication for a year and a neighbourhood (null: the whole
/// territory). Every figure is read from the publication, never recounted, so the page shows
/// exactly what the exports and the report publish.
/// </summary>
public static class Dashboard
{
    public static IReadOnlyList<DashboardCard> Build(Publication publication, IndicatorLabels labels, int year, string? neighbourhood, string where) =>
        publication.Indicators
            .Where(i => i.Year(year) is not null)
            .Select(i => i.Definition.IsCount
                ? Counted(publication, labels, i, year, neighbourhood, where)
                : Measured(publication, i, year, neighbourhood, where))
            .ToList();

    private static DashboardCard Counted(Publication publication, IndicatorLabels labels, PublishedIndicator indicator, int year, string? neighbourhood, string where)
    {
        var definition = indicator.Definition;
        var threshold = publication.Threshold;
        var current = indicator.Year(year)!;
        var figure = Of(current.Total(neighbourhood), threshold);
        var charts = new List<DashboardChart>
        {
            new(ChartId(definition, "annees"), IndicateursText.ByYear, true, IndicateursText.YearsCaption(definition.Label, where), IndicateursText.Year, IndicateursText.Count, "count",
                indicator.Years.Select(y => new DashboardPoint(Year(y.Year), Of(y.Total(neighbourhood), threshold))).ToList()),
        };
        var notes = new List<string>();
        foreach (var (by, title, missing) in new[]
                 {
                     (Dimension.Sex, IndicateursText.BySex, IndicateursText.NoSexBreakdown),
                     (Dimension.AgeBand, IndicateursText.ByAgeBand, IndicateursText.NoAgeBreakdown),
                 })
        {
            if (current.Breakdown(by) is null)
            {
                notes.Add(missing);
                continue;
            }
            charts.Add(new DashboardChart(ChartId(definition, by == Dimension.Sex ? "sexe" : "age"), title, false,
                IndicateursText.BreakdownCaption(definition.Label, title, year, where), IndicatorLabels.Of(by), IndicateursText.Count, "count",
                current.Cells(by, neighbourhood).Select(c => new DashboardPoint(labels.Of(by, c.Category), Of(c.Value, threshold))).ToList()));
        }
        var baseline = indicator.Year(publication.BaselineYear);
        var evolution = Evolution(publication.BaselineYear, year, figure, baseline is null ? null : Of(baseline.Total(neighbourhood), threshold),
            IndicateursText.CountChange);
        return new DashboardCard(definition.Code, definition.Label, true, figure, null, evolution, charts, notes);
    }

    private static DashboardCard Measured(Publication publication, PublishedIndicator indicator, int year, string? neighbourhood, string where)
    {
        var definition = indicator.Definition;
        var threshold = publication.Threshold;
        var rate = definition.Kind == IndicatorKind.OrientationAcceptanceRate;
        DashboardCell OfMeasure(PublishedYear y) => Of(y.Measure(neighbourhood), threshold, rate);
        var current = indicator.Year(year)!;
        var figure = OfMeasure(current);
        var population = current.Measure(neighbourhood) is { IsSuppressed: false, Population.Value: { } n and > 0 } ? IndicateursText.Population(Units(definition, n)) : null;
        var charts = new List<DashboardChart>
        {
            new(ChartId(definition, "annees"), IndicateursText.ByYear, true, IndicateursText.YearsCaption(definition.Label, where), IndicateursText.Year, IndicateursText.Value, rate ? "percent" : "days",
                indicator.Years.Select(y => new DashboardPoint(Year(y.Year), OfMeasure(y))).ToList()),
        };
        var baseline = indicator.Year(publication.BaselineYear);
        var evolution = Evolution(publication.BaselineYear, year, figure, baseline is null ? null : OfMeasure(baseline),
            (now, then) => rate ? IndicateursText.Points(now - then) : IndicateursText.Signed(IndicateursText.Days(Math.Abs(now - then)), now - then));
        return new DashboardCard(definition.Code, definition.Label, false, figure, population, evolution, charts, [IndicateursText.MeasureNoBreakdown]);
    }

    private static DashboardEvolution Evolution(int baselineYear, int year, DashboardCell now, DashboardCell? then, Func<double, double, string> difference)
    {
        if (year == baselineYear) return new DashboardEvolution(null, null, IndicateursText.BaselineYear);
        if (now.Number is not { } a || then?.Number is not { } b) return new DashboardEvolution(null, null, IndicateursText.EvolutionHidden(baselineYear));
        return new DashboardEvolution($"{difference(a, b)} {IndicateursText.Since(baselineYear)}", IndicateursText.BaselineValue(baselineYear, then.Text), null);
    }

    /// <summary>A published count: its number, or « secret » and why.</summary>
    public static DashboardCell Of(PublishedValue value, int threshold) => value switch
    {
        { IsSuppressed: true } => new DashboardCell(IndicateursText.Secret, null, value.Suppression, null, IndicateursText.Why(value.Suppression, threshold)),
        { Value: { } n } => new DashboardCell(IndicateursText.Number(n), n, Suppression.None, n),
        _ => new DashboardCell(IndicateursText.NoData, null, Suppression.None),
    };

    /// <summary>A rate (as a percentage) or a median in days; hidden with its population.</summary>
    public static DashboardCell Of(PublishedMeasure? measure, int threshold, bool rate) => measure switch
    {
        null => new DashboardCell(IndicateursText.NoData, null, Suppression.None),
        { IsSuppressed: true } => new DashboardCell(IndicateursText.Secret, null, measure.Population.Suppression, null,
            IndicateursText.Why(measure.Population.Suppression, threshold)),
        { Value: { } v } => rate
            ? new DashboardCell(IndicateursText.Percent(v), Math.Round(v * 100, 1), Suppression.None)
            : new DashboardCell(IndicateursText.Days(v), v, Suppression.None),
        _ => new DashboardCell(IndicateursText.NoData, null, Suppression.None),
    };

    private static string Units(IndicatorDefinition definition, int n) => IndicateursText.Number(n) + definition.Kind switch
    {
        IndicatorKind.OrientationAcceptanceRate => n == 1 ? " orientation" : " orientations",
        IndicatorKind.DaysInPathway => n == 1 ? " sortie" : " sorties",
        _ => n == 1 ? " décision" : " décisions",
    };

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ChartId(IndicatorDefinition definition, string part) => $"graphique-{definition.Code.ToLowerInvariant()}-{part}";
}
