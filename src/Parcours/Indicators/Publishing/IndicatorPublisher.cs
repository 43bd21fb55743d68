using System.Security.Cryptography;
using System.Text;
using Parcours.Indicators.Counting;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Pure: counts the facts for every indicator and year, then applies disclosure control.
/// - Each indicator-year is one linked set of tables: its breakdowns share the neighbourhood
///   totals and the grand total, and are suppressed together.
/// - No total across years or across indicators is ever published, so indicator-years share no
///   identity. They can still share a *population*: women followed at the Maison des Femmes are
///   a figure of FEMMES-MDF and a cell of ACCOMPAGNES-STRUCTURES by programme; referrals by the
///   CDDF to the PRE appear in SAISINES-PRE and SAISINES-CDDF. Each figure carries the set of
///   units it counts; a population hidden anywhere in the publication is hidden everywhere it
///   appears (and protected there by secondary suppression), until nothing changes.
/// </summary>
public static class IndicatorPublisher
{
    /// <param name="receptions">The permanence sessions, for the indicators counted from them (none when omitted).</param>
    public static IReadOnlyList<PublishedIndicator> Publish(
        IReadOnlyList<IndicatorFact> facts, IReadOnlyList<IndicatorDefinition> definitions, IReadOnlyList<int> years, DisclosureRules rules,
        IReadOnlyList<ReceptionFact>? receptions = null)
    {
        var counted = years.ToDictionary(year => year, year => Counted(facts, receptions ?? [], definitions.Where(d => d.IsCount).ToList(), year, rules));
        return definitions.Select(definition => new PublishedIndicator(definition,
                years.Select(year => definition.IsCount ? counted[year][definition] : Measured(facts, definition, year, rules)).ToList()))
            .ToList();
    }

    /// <summary>The dimensions a count is broken down by, besides the neighbourhood of its rows.</summary>
    public static IReadOnlyList<Dimension> BreakdownsOf(IndicatorDefinition definition) =>
        definition.Dimensions.Where(d => d != Dimension.Neighbourhood).ToList();

    /// <summary>
    /// The true tables of a count for one year, before disclosure control: one per breakdown,
    /// rows = neighbourhoods, all sharing the neighbourhood totals and the grand total. An
    /// indicator counted from permanence sessions reads <paramref name="receptions"/>.
    /// </summary>
    public static IReadOnlyList<CountTable> CountTables(
        IReadOnlyList<IndicatorFact> facts, IndicatorDefinition definition, int year, IReadOnlyList<ReceptionFact>? receptions = null) =>
        CountedTables(facts, definition, year, receptions).Select(t => t.Table).ToList();

    /// <summary>The same tables with, for each cell, the keys of the units it counts.</summary>
    public static IReadOnlyList<(CountTable Table, IReadOnlyList<string>[][] Units)> CountedTables(
        IReadOnlyList<IndicatorFact> facts, IndicatorDefinition definition, int year, IReadOnlyList<ReceptionFact>? receptions = null)
    {
        var shared = $"{definition.Code} v{definition.Version} {year}";
        var dimensions = BreakdownsOf(definition);
        (CountTable, IReadOnlyList<string>[][]) Named((CountTable Table, IReadOnlyList<string>[][] Units) counted, Dimension? by) =>
            (counted.Table with { Name = by is { } d ? $"{shared} × {d}" : shared, RowTotalsKey = shared }, counted.Units);
        (CountTable, IReadOnlyList<string>[][]) CountBy(Dimension? by) => definition.Kind == IndicatorKind.Receptions
            ? Anonymous(IndicatorCounter.CountReceptions(receptions ?? [], definition, year, null, Dimension.Neighbourhood, by))
            : IndicatorCounter.CountUnits(facts, definition, year, null, Dimension.Neighbourhood, by);
        return dimensions.Count == 0
            ? [Named(CountBy(null), null)]
            : dimensions.Select(by => Named(CountBy(by), by)).ToList();
    }

    /// <summary>
    /// People received at permanences are anonymous: their figures carry no unit, so no other
    /// indicator's population is ever taken for theirs (nor can be: nobody is identified).
    /// </summary>
    private static (CountTable, IReadOnlyList<string>[][]) Anonymous(CountTable table) =>
        (table, table.Counts.Select(row => row.Select(_ => (IReadOnlyList<string>)[]).ToArray()).ToArray());

    private static Dictionary<IndicatorDefinition, PublishedYear> Counted(
        IReadOnlyList<IndicatorFact> facts, IReadOnlyList<ReceptionFact> receptions, IReadOnlyList<IndicatorDefinition> definitions, int year, DisclosureRules rules)
    {
        var tables = definitions.ToDictionary(d => d, d => CountedTables(facts, d, year, receptions));
        var populations = definitions.ToDictionary(d => d, d => Populations(tables[d]));
        var alsoHide = definitions.ToDictionary(d => d, _ => new HashSet<string>());
        var results = new Dictionary<IndicatorDefinition, (IReadOnlyList<PublishedTable> Tables, IReadOnlySet<string> Hidden)>();

        var pending = definitions.ToHashSet();
        while (pending.Count > 0)
        {
            foreach (var definition in pending)
                results[definition] = Suppress.Apply(tables[definition].Select(t => t.Table).ToList(), rules, alsoHide[definition]);
            var hiddenPopulations = definitions
                .SelectMany(d => results[d].Hidden.Select(key => populations[d].GetValueOrDefault(key)).OfType<string>())
                .ToHashSet();
            pending = [];
            foreach (var definition in definitions)
                foreach (var (key, population) in populations[definition])
                    if (hiddenPopulations.Contains(population) && !results[definition].Hidden.Contains(key) && alsoHide[definition].Add(key))
                        pending.Add(definition);
        }

        return definitions.ToDictionary(d => d, d =>
        {
            var dimensions = BreakdownsOf(d);
            var published = results[d].Tables;
            IReadOnlyList<PublishedBreakdown> breakdowns = dimensions.Count == 0
                ? [new PublishedBreakdown(Dimension.Neighbourhood, published[0])]
                : dimensions.Select((by, i) => new PublishedBreakdown(by, published[i])).ToList();
            return new PublishedYear(year, breakdowns, []);
        });
    }

    /// <summary>
    /// For each non-zero figure of the tables (by <see cref="LinearSystem"/> key), a fingerprint
    /// of the units it counts: two figures with the same fingerprint count the same people.
    /// </summary>
    private static Dictionary<string, string> Populations(IReadOnlyList<(CountTable Table, IReadOnlyList<string>[][] Units)> tables)
    {
        var units = new Dictionary<string, HashSet<string>>();
        void Add(string key, IEnumerable<string> members)
        {
            if (!units.TryGetValue(key, out var set)) units[key] = set = [];
            set.UnionWith(members);
        }

        foreach (var (table, cells) in tables)
            for (var r = 0; r < table.RowLabels.Count; r++)
                for (var c = 0; c < table.ColumnLabels.Count; c++)
                {
                    Add(LinearSystem.CellKey(table, r, c), cells[r][c]);
                    Add(LinearSystem.RowKey(table, r), cells[r][c]);
                    Add(LinearSystem.ColumnKey(table, c), cells[r][c]);
                    Add(LinearSystem.GrandKey(table), cells[r][c]);
                }
        return units.Where(u => u.Value.Count > 0)
            .ToDictionary(u => u.Key, u => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', u.Value.Order(StringComparer.Ordinal))))));
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
