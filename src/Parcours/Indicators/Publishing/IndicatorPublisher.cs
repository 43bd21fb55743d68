using System.Buffers.Binary;
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
        // The hash of each unit's key, computed once: the same units come back in several indicators and years.
        var known = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var counted = years.ToDictionary(year => year, year => Counted(facts, receptions ?? [], definitions.Where(d => d.IsCount).ToList(), year, rules, known));
        // Each neighbourhood's facts, in their order, read once for every rate and median.
        var neighbourhoods = facts.GroupBy(IndicatorCounter.NeighbourhoodOf).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Neighbourhood: g.Key, Facts: (IReadOnlyList<IndicatorFact>)g.ToList())).ToList();
        return definitions.Select(definition => new PublishedIndicator(definition,
                years.Select(year => definition.IsCount ? counted[year][definition] : Measured(facts, neighbourhoods, definition, year, rules)).ToList()))
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
        IReadOnlyList<IndicatorFact> facts, IndicatorDefinition definition, int year, IReadOnlyList<ReceptionFact>? receptions = null) =>
        Tabulated(facts, definition, year, receptions,
                (units, members) => members.Select(row => row.Select(cell =>
                    (IReadOnlyList<string>)cell.Select(i => IndicatorCounter.UnitKey(definition, units[i])).ToList()).ToArray()).ToArray(),
                table => table.Counts.Select(row => row.Select(_ => (IReadOnlyList<string>)[]).ToArray()).ToArray());

    /// <summary>
    /// The tables of a count for one year, one per breakdown, all sharing the neighbourhood totals
    /// and the grand total; the units are chosen once and tabulated by each breakdown, and each
    /// cell's members are turned into <typeparamref name="TCells"/> by <paramref name="members"/>
    /// (or <paramref name="anonymous"/> for people received at permanences, who are no units).
    /// </summary>
    private static IReadOnlyList<(CountTable Table, TCells Cells)> Tabulated<TCells>(
        IReadOnlyList<IndicatorFact> facts, IndicatorDefinition definition, int year, IReadOnlyList<ReceptionFact>? receptions,
        Func<IReadOnlyList<IndicatorCounter.Unit>, IReadOnlyList<int>[][], TCells> members, Func<CountTable, TCells> anonymous)
    {
        var shared = $"{definition.Code} v{definition.Version} {year}";
        var dimensions = BreakdownsOf(definition);
        var units = definition.Kind == IndicatorKind.Receptions ? [] : IndicatorCounter.UnitsOf(facts, definition, year);
        (CountTable, TCells) CountBy(Dimension? by)
        {
            if (definition.Kind == IndicatorKind.Receptions)
            {
                var table = IndicatorCounter.CountReceptions(receptions ?? [], definition, year, null, Dimension.Neighbourhood, by);
                return (Named(table, by), anonymous(table));
            }
            var (counted, cells) = IndicatorCounter.Tabulate(units, definition, year, null, Dimension.Neighbourhood, by);
            return (Named(counted, by), members(units, cells));
        }
        CountTable Named(CountTable table, Dimension? by) => table with { Name = by is { } d ? $"{shared} × {d}" : shared, RowTotalsKey = shared };
        return dimensions.Count == 0
            ? [CountBy(null)]
            : dimensions.Select(by => CountBy(by)).ToList();
    }

    private static Dictionary<IndicatorDefinition, PublishedYear> Counted(
        IReadOnlyList<IndicatorFact> facts, IReadOnlyList<ReceptionFact> receptions, IReadOnlyList<IndicatorDefinition> definitions, int year, DisclosureRules rules,
        Dictionary<string, UInt128> known)
    {
        // People received at permanences are anonymous: their figures carry no unit, so no other
        // indicator's population is ever taken for theirs (nor can be: nobody is identified).
        var tables = definitions.ToDictionary(d => d, d => Tabulated(facts, d, year, receptions,
            (units, members) => Fingerprints(d, units, members, known), table => table.Counts.Select(row => new Population[row.Length]).ToArray()));
        var populations = definitions.ToDictionary(d => d, d => Populations(tables[d]));
        var alsoHide = definitions.ToDictionary(d => d, _ => new HashSet<string>());
        var results = new Dictionary<IndicatorDefinition, (IReadOnlyList<PublishedTable> Tables, IReadOnlySet<string> Hidden)>();

        var pending = definitions.ToHashSet();
        while (pending.Count > 0)
        {
            foreach (var definition in pending)
                results[definition] = Suppress.Apply(tables[definition].Select(t => t.Table).ToList(), rules, alsoHide[definition]);
            var hiddenPopulations = definitions
                .SelectMany(d => results[d].Hidden.Where(populations[d].ContainsKey).Select(key => populations[d][key]))
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
    /// A set of units as one value, to find the same people counted in two indicators: how many,
    /// and the sum (modulo 2^128) of a 128-bit hash of each unit's key (the first half of its
    /// SHA-256). A sum does not depend on order, so a margin's population is the sum of its
    /// cells' (each unit lies in exactly one cell of a table) and nothing is sorted; two different
    /// sets share a fingerprint only by a 2^-128 accident. Never stored.
    /// </summary>
    private readonly record struct Population(int Count, UInt128 Sum)
    {
        public Population Plus(Population other) => new(Count + other.Count, Sum + other.Sum);
    }

    private static Population[][] Fingerprints(IndicatorDefinition definition, IReadOnlyList<IndicatorCounter.Unit> units, IReadOnlyList<int>[][] members,
        Dictionary<string, UInt128> known)
    {
        var hashes = new UInt128[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var key = IndicatorCounter.UnitKey(definition, units[i]);
            if (!known.TryGetValue(key, out hashes[i])) known[key] = hashes[i] = Hash(key);
        }
        return members.Select(row => row.Select(cell =>
        {
            UInt128 sum = 0;
            foreach (var i in cell) sum += hashes[i];
            return new Population(cell.Count, sum);
        }).ToArray()).ToArray();
    }

    private static UInt128 Hash(string key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    /// <summary>
    /// For each non-zero figure of the tables (by <see cref="LinearSystem"/> key), the population
    /// it counts: two figures with the same population count the same people. A margin shared by
    /// the tables (the neighbourhood totals, the grand total) counts the same units in each.
    /// </summary>
    private static Dictionary<string, Population> Populations(IReadOnlyList<(CountTable Table, Population[][] Cells)> tables)
    {
        var populations = new Dictionary<string, Population>();
        foreach (var (table, cells) in tables)
        {
            var own = new Dictionary<string, Population>();
            void Add(string key, Population population) => own[key] = own.GetValueOrDefault(key).Plus(population);
            for (var r = 0; r < table.RowLabels.Count; r++)
                for (var c = 0; c < table.ColumnLabels.Count; c++)
                {
                    Add(LinearSystem.CellKey(table, r, c), cells[r][c]);
                    Add(LinearSystem.RowKey(table, r), cells[r][c]);
                    Add(LinearSystem.ColumnKey(table, c), cells[r][c]);
                    Add(LinearSystem.GrandKey(table), cells[r][c]);
                }
            foreach (var (key, population) in own) populations.TryAdd(key, population);
        }
        return populations.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>
    /// A measure is published for the territory and each neighbourhood with its population; the
    /// populations form a one-column table (neighbourhoods and their total) suppressed like a
    /// count, and a measure is hidden with its population.
    /// </summary>
    private static PublishedYear Measured(IReadOnlyList<IndicatorFact> facts, IReadOnlyList<(string Neighbourhood, IReadOnlyList<IndicatorFact> Facts)> neighbourhoods,
        IndicatorDefinition definition, int year, DisclosureRules rules)
    {
        var byNeighbourhood = neighbourhoods
            .Select(n => (n.Neighbourhood, Value: IndicatorCounter.Measure(n.Facts, definition, year, n.Neighbourhood)))
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
