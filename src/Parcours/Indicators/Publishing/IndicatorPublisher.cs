using Parcours.Indicators.Counting;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Pure: counts the facts for every indicator and year, then applies disclosure control to each
/// indicator-year as one linked set of tables (its breakdowns share the neighbourhood totals and
/// the grand total). Indicator-years share no figure — no total across years or indicators is
/// ever published — so each is suppressed on its own.
/// </summary>
public static class IndicatorPublisher
{
    /// <param name="receptions">The permanence sessions, for the indicators counted from them (none when omitted).</param>
    public static IReadOnlyList<PublishedIndicator> Publish(
        IReadOnlyList<IndicatorFact> facts, IReadOnlyList<IndicatorDefinition> definitions, IReadOnlyList<int> years, DisclosureRules rules,
        IReadOnlyList<ReceptionFact>? receptions = null) =>
        definitions.Select(definition => new PublishedIndicator(definition,
            years.Select(year => definition.IsCount ? Counted(facts, receptions ?? [], definition, year, rules) : Measured(facts, definition, year, rules)).ToList()))
            .ToList();

    /// <summary>The dimensions a count is broken down by, besides the neighbourhood of its rows.</summary>
    public static IReadOnlyList<Dimension> BreakdownsOf(IndicatorDefinition definition) =>
        definition.Dimensions.Where(d => d != Dimension.Neighbourhood).ToList();

    /// <summary>
    /// The true tables of a count for one year, before disclosure control: one per breakdown,
    /// rows = neighbourhoods, all sharing the neighbourhood totals and the grand total. An
    /// indicator counted from permanence sessions reads <paramref name="receptions"/>.
    /// </summary>
    public static IReadOnlyList<CountTable> CountTables(
        IReadOnlyList<IndicatorFact> facts, IndicatorDefinition definition, int year, IReadOnlyList<ReceptionFact>? receptions = null)
    {
        var shared = $"{definition.Code} v{definition.Version} {year}";
        var dimensions = BreakdownsOf(definition);
        CountTable Count(Dimension? by) => definition.Kind == IndicatorKind.Receptions
            ? IndicatorCounter.CountReceptions(receptions ?? [], definition, year, null, Dimension.Neighbourhood, by)
            : IndicatorCounter.Count(facts, definition, year, null, Dimension.Neighbourhood, by);
        return dimensions.Count == 0
            ? [Count(null) with { RowTotalsKey = shared }]
            : dimensions.Select(by => Count(by) with
            {
                Name = $"{shared} × {by}",
                RowTotalsKey = shared,
            }).ToList();
    }

    private static PublishedYear Counted(
        IReadOnlyList<IndicatorFact> facts, IReadOnlyList<ReceptionFact> receptions, IndicatorDefinition definition, int year, DisclosureRules rules)
    {
        var dimensions = BreakdownsOf(definition);
        var published = Suppress.Tables(CountTables(facts, definition, year, receptions), rules);
        var breakdowns = dimensions.Count == 0
            ? [new PublishedBreakdown(Dimension.Neighbourhood, published[0])]
            : dimensions.Select((by, i) => new PublishedBreakdown(by, published[i])).ToList();
        return new PublishedYear(year, breakdowns, []);
    }

    /// <summary>
    /// A measure is published for the territory and each neighbourhood with its population; the
    /// populations form a one-column table (neighbourhoods and their total) suppressed like a
    /// count, and a measure is hidden with its population.
    /// </summary>
    private static PublishedYear Measured(IReadOnlyList<IndicatorFact> facts, IndicatorDefinition definition, int year, DisclosureRules rules)
    {
        var neighbourhoods = facts.Select(IndicatorCounter.NeighbourhoodOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var byNeighbourhood = neighbourhoods
            .Select(n => (Neighbourhood: n, Value: IndicatorCounter.Measure(facts, definition, year, n)))
            .Where(x => x.Value.Population > 0)
            .ToList();
        var whole = IndicatorCounter.Measure(facts, definition, year, null);

        var populations = new CountTable($"{definition.Code} v{definition.Version} {year} population",
            byNeighbourhood.Select(x => x.Neighbourhood).ToList(), [IndicatorCounter.SingleColumn],
            byNeighbourhood.Select(x => new[] { x.Value.Population }).ToArray());
        var published = Suppress.Tables([populations], rules)[0];

        var measures = new List<PublishedMeasure> { Of(null, published.GrandTotal, whole) };
        measures.AddRange(byNeighbourhood.Select((x, r) => Of(x.Neighbourhood, published.RowTotals[r], x.Value)));
        return new PublishedYear(year, [], measures);
    }

    private static PublishedMeasure Of(string? neighbourhood, PublishedValue population, IndicatorValue value) =>
        new(neighbourhood, population, population.IsSuppressed ? null : value.Value);
}
