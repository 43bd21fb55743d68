using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Everything Parcours publishes about indicators for a set of years, after disclosure control:
/// every export, report and dashboard shows a part of one publication, never figures computed
/// on their own, so no two outputs can be combined to undo a suppression.
/// </summary>
public sealed record Publication(
    DateTimeOffset ComputedAt,
    /// <summary>Null for a live publication; else the instant the facts were replayed up to.</summary>
    DateTimeOffset? AsOf,
    /// <summary>The last event sequence the facts include (to reproduce the publication exactly).</summary>
    long EventSequence,
    int Threshold,
    int BaselineYear,
    IReadOnlyList<int> Years,
    IReadOnlyList<PublishedIndicator> Indicators)
{
    public PublishedIndicator Indicator(string code) => Indicators.Single(i => i.Definition.Code == code);
}

public sealed record PublishedIndicator(IndicatorDefinition Definition, IReadOnlyList<PublishedYear> Years)
{
    public PublishedYear? Year(int year) => Years.FirstOrDefault(y => y.Year == year);
}

/// <summary>
/// One indicator for one year. A count has one <see cref="Breakdowns"/> table per dimension it
/// may be broken down by (rows: neighbourhoods; columns: the dimension's categories), all sharing
/// the neighbourhood totals and the grand total, suppressed together. A rate or median has its
/// <see cref="Measures"/>: the whole territory (neighbourhood null) and each neighbourhood.
/// </summary>
public sealed record PublishedYear(int Year, IReadOnlyList<PublishedBreakdown> Breakdowns, IReadOnlyList<PublishedMeasure> Measures)
{
    /// <summary>The count for the territory (null) or a neighbourhood; a neighbourhood with no one counts 0.</summary>
    public PublishedValue Total(string? neighbourhood = null)
    {
        if (Breakdowns.Count == 0) throw new InvalidOperationException("A rate or a median has no total: read its measures.");
        var table = Breakdowns[0].Table;
        if (neighbourhood is null) return table.GrandTotal;
        var row = IndexOf(table.RowLabels, neighbourhood);
        return row < 0 ? new PublishedValue(0, Suppression.None) : table.RowTotals[row];
    }

    public PublishedBreakdown? Breakdown(Dimension by) => Breakdowns.FirstOrDefault(b => b.By == by);

    /// <summary>The categories of one breakdown with their counts, for the territory or a neighbourhood.</summary>
    public IReadOnlyList<(string Category, PublishedValue Value)> Cells(Dimension by, string? neighbourhood = null)
    {
        var table = Breakdown(by)?.Table ?? throw new ArgumentException($"No breakdown by {by}.", nameof(by));
        if (neighbourhood is null) return table.ColumnLabels.Select((label, c) => (label, table.ColumnTotals[c])).ToList();
        var row = IndexOf(table.RowLabels, neighbourhood);
        return table.ColumnLabels.Select((label, c) => (label, row < 0 ? new PublishedValue(0, Suppression.None) : table.Cells[row][c])).ToList();
    }

    public PublishedMeasure? Measure(string? neighbourhood = null) => Measures.FirstOrDefault(m => m.Neighbourhood == neighbourhood);

    private static int IndexOf(IReadOnlyList<string> labels, string value)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == value) return i;
        return -1;
    }
}

/// <summary>A count broken down by neighbourhood (rows) and <see cref="By"/> (columns).</summary>
public sealed record PublishedBreakdown(Dimension By, PublishedTable Table);

/// <summary>
/// A rate or a median and the number of units it is computed over. Both are hidden when the
/// population is hidden: small (1..threshold−1) or hidden so it cannot be recomputed from the
/// other neighbourhoods' populations.
/// </summary>
public sealed record PublishedMeasure(string? Neighbourhood, PublishedValue Population, double? Value)
{
    public bool IsSuppressed => Population.IsSuppressed;
}
