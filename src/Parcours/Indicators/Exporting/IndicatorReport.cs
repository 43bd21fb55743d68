using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Publishing;

namespace Parcours.Indicators.Exporting;

/// <summary>Why a figure is not shown.</summary>
public enum Secrecy
{
    None,
    /// <summary>The count lies in 1..threshold−1.</summary>
    Primary,
    /// <summary>Hidden so that a primary suppression cannot be recomputed.</summary>
    Secondary,
    /// <summary>An evolution computed from a hidden figure: showing it would reveal that figure.</summary>
    Derived,
}

/// <summary>
/// One figure of the report: its value, or null with why. A null value without secrecy means there
/// is nothing to show (a rate over no one, the evolution of the baseline year itself).
/// </summary>
public sealed record ReportFigure(double? Value, Secrecy Secret)
{
    public static readonly ReportFigure None = new(null, Secrecy.None);

    public bool IsHidden => Secret != Secrecy.None;

    public static ReportFigure Of(PublishedValue value) => value.Suppression switch
    {
        Suppression.Primary => new(null, Secrecy.Primary),
        Suppression.Secondary => new(null, Secrecy.Secondary),
        _ => new(value.Value, Secrecy.None),
    };
}

/// <summary>How an indicator's figure reads: a count of units, a rate (in %), a median (in days).</summary>
public enum Measurement
{
    Count,
    Rate,
    Median,
}

/// <summary>The publication a report is part of; <see cref="PublicationId"/> is its entry in the publication log, to reproduce it.</summary>
public sealed record ReportPublication(DateTimeOffset ComputedAt, DateTimeOffset? AsOf, long EventSequence, int Threshold, int BaselineYear, IReadOnlyList<int> Years,
    Guid? PublicationId = null);

/// <summary>One indicator for one year: its figure and, for a rate or a median, the number of units it is computed over.</summary>
public sealed record ReportYear(int Year, ReportFigure Value, ReportFigure? Population);

public sealed record ReportCell(string Code, string Label, ReportFigure Value);

public sealed record ReportBreakdown(Dimension By, string Label, IReadOnlyList<ReportCell> Cells);

public sealed record ReportIndicator(
    string Code,
    int Version,
    string Label,
    string Theme,
    Measurement Measurement,
    ReportYear Baseline,
    ReportYear Current,
    /// <summary>Current minus baseline (percentage points for a rate); hidden when either is.</summary>
    ReportFigure Evolution,
    IReadOnlyList<ReportBreakdown> Breakdowns,
    /// <summary>How it is counted, in French.</summary>
    string Rule = "");

/// <summary>
/// A view of one <see cref="Publication"/> for one year and one neighbourhood (null: the whole
/// territory). Every figure is read from the publication — nothing is recounted — so the
/// exports and the printed report show exactly what the dashboard shows.
/// </summary>
public sealed record IndicatorReport(
    ReportPublication Publication,
    int Year,
    string? Neighbourhood,
    string NeighbourhoodLabel,
    IReadOnlyList<ReportIndicator> Indicators)
{
    /// <summary>The breakdowns every count shows first (equality between women and men is a priority of the contract).</summary>
    private static readonly Dimension[] First = [Dimension.Sex, Dimension.AgeBand];

    public static IndicatorReport Of(Publication publication, int year, string? neighbourhood, IndicatorLabels labels)
    {
        if (!publication.Years.Contains(year)) throw new ArgumentOutOfRangeException(nameof(year), $"{year} is not published.");
        var meta = new ReportPublication(publication.ComputedAt, publication.AsOf, publication.EventSequence, publication.Threshold,
            publication.BaselineYear, publication.Years);
        return new IndicatorReport(meta, year, neighbourhood,
            neighbourhood is null ? ReportText.WholeTerritory : labels.Of(Dimension.Neighbourhood, neighbourhood),
            publication.Indicators.Select(i => Indicator(i, year, publication.BaselineYear, neighbourhood, labels)).ToList());
    }

    private static ReportIndicator Indicator(PublishedIndicator indicator, int year, int baselineYear, string? neighbourhood, IndicatorLabels labels)
    {
        var definition = indicator.Definition;
        var measurement = MeasurementOf(definition.Kind);
        var current = YearOf(year, indicator.Year(year), measurement, neighbourhood);
        var baseline = YearOf(baselineYear, indicator.Year(baselineYear), measurement, neighbourhood);
        var evolution = year == baselineYear ? ReportFigure.None
            : current.Value.IsHidden || baseline.Value.IsHidden ? new ReportFigure(null, Secrecy.Derived)
            : current.Value.Value is { } now && baseline.Value.Value is { } then ? new ReportFigure(Math.Round(now - then, 1), Secrecy.None)
            : ReportFigure.None;
        var breakdowns = definition.IsCount && indicator.Year(year) is { } published
            ? Breakdowns(definition, published, neighbourhood, labels)
            : [];
        return new ReportIndicator(definition.Code, definition.Version, definition.Label, ContractThemes.Of(definition.Code), measurement,
            baseline, current, evolution, breakdowns, ReportText.Rule(definition.Kind));
    }

    private static ReportYear YearOf(int year, PublishedYear? published, Measurement measurement, string? neighbourhood)
    {
        if (published is null) return new ReportYear(year, ReportFigure.None, null);
        if (measurement == Measurement.Count) return new ReportYear(published.Year, ReportFigure.Of(published.Total(neighbourhood)), null);
        if (published.Measure(neighbourhood) is not { } measure) return new ReportYear(published.Year, ReportFigure.None, new ReportFigure(0, Secrecy.None));
        var population = ReportFigure.Of(measure.Population);
        var value = population.IsHidden ? new ReportFigure(null, population.Secret)
            : measure.Value is { } v ? new ReportFigure(Math.Round(measurement == Measurement.Rate ? v * 100 : v, 1), Secrecy.None)
            : ReportFigure.None;
        return new ReportYear(published.Year, value, population);
    }

    /// <summary>Sex and age band first, then the indicator's other dimensions; for the whole territory, also by neighbourhood.</summary>
    private static List<ReportBreakdown> Breakdowns(IndicatorDefinition definition, PublishedYear published, string? neighbourhood, IndicatorLabels labels)
    {
        var dimensions = IndicatorPublisher.BreakdownsOf(definition).OrderBy(d => Array.IndexOf(First, d) is >= 0 and var i ? i : First.Length).ToList();
        var list = dimensions
            .Select(by => new ReportBreakdown(by, IndicatorLabels.Of(by),
                published.Cells(by, neighbourhood).Select(c => new ReportCell(c.Category, labels.Of(by, c.Category), ReportFigure.Of(c.Value))).ToList()))
            .ToList();
        if (neighbourhood is null)
        {
            var rows = published.Breakdowns[0].Table.RowLabels;
            list.Add(new ReportBreakdown(Dimension.Neighbourhood, IndicatorLabels.Of(Dimension.Neighbourhood),
                rows.Select(n => new ReportCell(n, labels.Of(Dimension.Neighbourhood, n), ReportFigure.Of(published.Total(n)))).ToList()));
        }
        return list;
    }

    private static Measurement MeasurementOf(IndicatorKind kind) => kind switch
    {
        IndicatorKind.OrientationAcceptanceRate => Measurement.Rate,
        IndicatorKind.DaysToFirstDecision or IndicatorKind.DaysInPathway => Measurement.Median,
        _ => Measurement.Count,
    };
}
