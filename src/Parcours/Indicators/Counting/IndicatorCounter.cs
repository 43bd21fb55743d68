using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Kernel;
using Parcours.Permanences;
using Parcours.Reference;

namespace Parcours.Indicators.Counting;

/// <summary>A rate or a median: <see cref="Population"/> is how many units it is computed over (null value when none).</summary>
public sealed record IndicatorValue(string Code, int Year, int Population, double? Value);

/// <summary>
/// Pure counting of indicator facts (rules documented in docs/indicators.md, "Definitions and
/// counting rules"):
/// - referrals: one per pathway, counted in the year of its referral date;
/// - followed: one per (programme, person pseudonym) active at any time in the year — started
///   (or accepted) on or before 31/12 and not exited before 1/1, each reopening starting a new
///   active period; a person followed in two programmes counts once in each;
/// - exits: one per (programme, person) exited in the year, with the outcome of its last exit;
/// - orientations: one per (destination, person) with an orientation proposed in the year.
/// When a unit has several qualifying pathways, the latest one (by date) gives its dimensions,
/// so every unit lies in exactly one cell and the margins count each unit once; a
/// neighbourhood's count is the neighbourhood's row of the breakdown by neighbourhood.
/// </summary>
public static class IndicatorCounter
{
    public const string SingleColumn = "Nombre";

    public static CountTable Count(
        IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, int year, string? neighbourhood,
        Dimension rows, Dimension? columns = null) =>
        CountUnits(facts, definition, year, neighbourhood, rows, columns).Table;

    /// <summary>
    /// The table and, for each cell, the keys of the units it counts (pseudonymous: a pathway
    /// pseudonym, or "programme|person pseudonym"...), so a publication can find the same
    /// population counted in two indicators and hide it in both.
    /// </summary>
    public static (CountTable Table, IReadOnlyList<string>[][] Units) CountUnits(
        IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, int year, string? neighbourhood,
        Dimension rows, Dimension? columns = null)
    {
        if (!definition.IsCount) throw new ArgumentException($"{definition.Code} is a rate or a median: use Measure.", nameof(definition));
        Allowed(definition, rows);
        if (columns is { } c) Allowed(definition, c);

        // The unit is chosen over the whole territory before the neighbourhood filter, so a person
        // lies in the same neighbourhood in a neighbourhood's table and in the breakdown by neighbourhood.
        var units = UnitsOf(facts, definition, year)
            .Where(u => neighbourhood is null || NeighbourhoodOf(u.Fact) == neighbourhood)
            .ToList();
        var (table, members) = Tabulate(units, definition, year, neighbourhood, rows, columns);
        return (table, members.Select(row => row.Select(cell => (IReadOnlyList<string>)cell.Select(i => UnitKey(definition, units[i])).ToList()).ToArray()).ToArray());
    }

    /// <summary>
    /// The units a count indicator counts in a year, each once: when a unit has several qualifying
    /// pathways, the latest one (the first met among equals) gives its cell. Computed once, they can
    /// be tabulated by every breakdown (<see cref="Tabulate"/>).
    /// </summary>
    public static IReadOnlyList<Unit> UnitsOf(IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, int year)
    {
        if (!definition.IsCount) throw new ArgumentException($"{definition.Code} is a rate or a median: use Measure.", nameof(definition));
        // Per key, in order of first appearance, the first unit with the latest date.
        var units = new List<Unit>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in Units(Selected(facts, definition, neighbourhood: null), definition, year))
        {
            if (!index.TryGetValue(unit.Key, out var i))
            {
                index[unit.Key] = units.Count;
                units.Add(unit);
            }
            else if (unit.On > units[i].On) units[i] = unit;
        }
        return units;
    }

    /// <summary>
    /// The table of <paramref name="units"/> by <paramref name="rows"/> × <paramref name="columns"/>, with,
    /// for each cell, the indexes (in <paramref name="units"/>) of the units it counts.
    /// </summary>
    public static (CountTable Table, IReadOnlyList<int>[][] Members) Tabulate(
        IReadOnlyList<Unit> units, IndicatorDefinition definition, int year, string? neighbourhood, Dimension rows, Dimension? columns = null)
    {
        Allowed(definition, rows);
        if (columns is { } c) Allowed(definition, c);
        var rowLabels = Labels(rows, units);
        var columnLabels = columns is { } cd ? Labels(cd, units) : [SingleColumn];
        var rowIndex = IndexOf(rowLabels);
        var columnIndex = IndexOf(columnLabels);
        var cells = rowLabels.Select(_ => columnLabels.Select(_ => new List<int>()).ToArray()).ToArray();
        for (var i = 0; i < units.Count; i++)
        {
            var r = rowIndex[ValueOf(rows, units[i])];
            var k = columns is { } col ? columnIndex[ValueOf(col, units[i])] : 0;
            cells[r][k].Add(i);
        }
        var name = $"{definition.Code} v{definition.Version} {year}" + (neighbourhood is null ? "" : $" {neighbourhood}");
        var table = new CountTable(name, rowLabels, columnLabels, cells.Select(row => row.Select(cell => cell.Count).ToArray()).ToArray());
        return (table, cells.Select(row => row.Select(cell => (IReadOnlyList<int>)cell).ToArray()).ToArray());
    }

    /// <summary>A unit's key across indicators: the same people counted the same way in two indicators have the same keys.</summary>
    public static string UnitKey(IndicatorDefinition definition, Unit unit) => $"{definition.Kind}|{unit.Key}";

    /// <summary>
    /// People received at permanence sessions held in the year: each session adds its counts to
    /// the cell of its neighbourhood and of each line's sex or age band. Reception is anonymous,
    /// so a person who comes twice counts twice (the contract's "personnes reçues").
    /// </summary>
    public static CountTable CountReceptions(
        IEnumerable<ReceptionFact> facts, IndicatorDefinition definition, int year, string? neighbourhood,
        Dimension rows, Dimension? columns = null)
    {
        if (definition.Kind != IndicatorKind.Receptions) throw new ArgumentException($"{definition.Code} is not counted from permanence sessions.", nameof(definition));
        Allowed(definition, rows);
        if (columns is { } c) Allowed(definition, c);

        var filter = definition.Filter;
        var lines = facts
            .Where(f => f.HeldOn.Year == year)
            .Where(f => filter.TerritoryKinds.Count == 0 || f.TerritoryKind is { } kind && filter.TerritoryKinds.Contains(kind))
            .Where(f => neighbourhood is null || NeighbourhoodOf(f) == neighbourhood)
            .SelectMany(f => f.Received
                .Where(r => r.People > 0 && (filter.Sexes.Count == 0 || filter.Sexes.Contains(r.Sex)))
                .Select(r => (Fact: f, Line: r)))
            .ToList();

        string ValueOf(Dimension dimension, ReceptionFact fact, PeopleReceived line) => dimension switch
        {
            Dimension.Neighbourhood => NeighbourhoodOf(fact),
            Dimension.Sex => line.Sex.ToString(),
            Dimension.AgeBand => line.AgeBand,
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), $"Permanence sessions are not broken down by {dimension}."),
        };
        IReadOnlyList<string> LabelsOf(Dimension dimension)
        {
            var fixedLabels = FixedLabels(dimension);
            var met = lines.Select(x => ValueOf(dimension, x.Fact, x.Line)).Where(v => !fixedLabels.Contains(v)).Distinct().Order(StringComparer.Ordinal);
            return [.. fixedLabels, .. met];
        }

        var rowLabels = LabelsOf(rows);
        var columnLabels = columns is { } cd ? LabelsOf(cd) : [SingleColumn];
        var counts = rowLabels.Select(_ => new int[columnLabels.Count]).ToArray();
        foreach (var (fact, line) in lines)
        {
            var r = IndexOf(rowLabels, ValueOf(rows, fact, line));
            var k = columns is { } col ? IndexOf(columnLabels, ValueOf(col, fact, line)) : 0;
            counts[r][k] += line.People;
        }
        var name = $"{definition.Code} v{definition.Version} {year}" + (neighbourhood is null ? "" : $" {neighbourhood}");
        return new CountTable(name, rowLabels, columnLabels, counts);
    }

    public static IndicatorValue Measure(IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, int year, string? neighbourhood)
    {
        var selected = Selected(facts, definition, neighbourhood).ToList();
        switch (definition.Kind)
        {
            case IndicatorKind.DaysToFirstDecision:
            {
                // Identification = the referral date (the facts hold no earlier identification date).
                var days = selected
                    .Where(f => f.FirstCommitteeDecisionOn is { } d && d.Year == year)
                    .Select(f => (double)(f.FirstCommitteeDecisionOn!.Value.DayNumber - f.ReferredOn.DayNumber))
                    .ToList();
                return new(definition.Code, year, days.Count, Median(days));
            }
            case IndicatorKind.OrientationAcceptanceRate:
            {
                var answered = selected
                    .SelectMany(f => f.Orientations)
                    .Where(o => o.Answer != OrientationAnswer.Pending && o.AnsweredOn is { } a && a.Year == year)
                    .Where(o => definition.Filter.Destinations.Count == 0 || definition.Filter.Destinations.Contains(o.Destination))
                    .ToList();
                double? rate = answered.Count == 0 ? null : (double)answered.Count(o => o.Answer == OrientationAnswer.Accepted) / answered.Count;
                return new(definition.Code, year, answered.Count, rate);
            }
            case IndicatorKind.DaysInPathway:
            {
                // Each exit in the year measures the whole pathway from its start (reopened periods included).
                var days = selected
                    .SelectMany(f => f.Exits.Where(e => e.ExitedOn.Year == year).Select(e => (Fact: f, Exit: e)))
                    .Select(x => (double)(x.Exit.ExitedOn.DayNumber - StartOf(x.Fact).DayNumber))
                    .ToList();
                return new(definition.Code, year, days.Count, Median(days));
            }
            default:
                throw new ArgumentException($"{definition.Code} is a count: use Count.", nameof(definition));
        }
    }

    /// <summary>The median (mean of the two middle values for an even count), null when empty.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>True when the pathway was active at some time in the year (see the class comment).</summary>
    public static bool ActiveIn(IndicatorFact fact, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        if (fact.StartedOn is null && fact.AcceptedOn is null) return false;
        // The usual pathways, without enumerating periods: never exited, or exited once (and perhaps reopened).
        if (fact.Exits.Count == 0) return StartOf(fact) <= last;
        if (fact.Exits.Count == 1)
        {
            var exit = fact.Exits[0];
            return (StartOf(fact) <= last && exit.ExitedOn >= first) || (exit.ReopenedOn is { } reopened && reopened <= last);
        }
        return ActivePeriods(fact).Any(p => p.From <= last && (p.To is not { } to || to >= first));
    }

    /// <summary>Active periods: from the start to the first exit, then from each reopening to the next exit.</summary>
    public static IEnumerable<(DateOnly From, DateOnly? To)> ActivePeriods(IndicatorFact fact)
    {
        if (fact.StartedOn is null && fact.AcceptedOn is null) yield break;
        DateOnly? from = StartOf(fact);
        foreach (var exit in fact.Exits.OrderBy(e => e.ExitedOn))
        {
            if (from is { } f) yield return (f, exit.ExitedOn);
            from = exit.ReopenedOn;
        }
        if (from is { } open) yield return (open, null);
    }

    /// <summary>The neighbourhood of a fact: the QPV of a sub-sector, else its own territory.</summary>
    public static string NeighbourhoodOf(IndicatorFact fact) =>
        fact.TerritoryKind == TerritoryKind.SubSector && fact.ParentTerritoryCode is { } parent ? parent : fact.TerritoryCode;

    /// <summary>The neighbourhood where a permanence session was held, by the same rule.</summary>
    public static string NeighbourhoodOf(ReceptionFact fact) =>
        fact.TerritoryKind == TerritoryKind.SubSector && fact.ParentTerritoryCode is { } parent ? parent : fact.TerritoryCode;

    private static DateOnly StartOf(IndicatorFact fact) => fact.StartedOn ?? fact.AcceptedOn ?? fact.ReferredOn;

    /// <summary>One counted unit (a referral, a followed or exited (programme, person), an oriented (destination, person)) and the pathway giving its cell.</summary>
    public sealed record Unit(string Key, IndicatorFact Fact, DateOnly On, string? Destination = null, string? Outcome = null);

    /// <summary>Every qualifying unit of the year, a pathway at a time (plain loops: this runs over every fact, for every indicator and year).</summary>
    private static IEnumerable<Unit> Units(IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, int year)
    {
        switch (definition.Kind)
        {
            case IndicatorKind.Referrals:
            case IndicatorKind.Followed:
            case IndicatorKind.Exits:
            case IndicatorKind.Orientations:
                return UnitsOfKind(facts, definition, year);
            case IndicatorKind.Receptions:
                throw new ArgumentException($"{definition.Code} is counted from permanence sessions: use CountReceptions.", nameof(definition));
            default:
                throw new ArgumentException($"{definition.Code} is a rate or a median: use Measure.", nameof(definition));
        }
    }

    private static IEnumerable<Unit> UnitsOfKind(IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, int year)
    {
        var destinations = definition.Filter.Destinations;
        foreach (var f in facts)
        {
            switch (definition.Kind)
            {
                case IndicatorKind.Referrals:
                    if (f.ReferredOn.Year == year) yield return new Unit(f.Id, f, f.ReferredOn);
                    break;
                case IndicatorKind.Followed:
                    if (ActiveIn(f, year)) yield return new Unit($"{f.Programme}|{f.Person}", f, StartOf(f));
                    break;
                case IndicatorKind.Exits:
                    foreach (var e in f.Exits)
                        if (e.ExitedOn.Year == year) yield return new Unit($"{f.Programme}|{f.Person}", f, e.ExitedOn, Outcome: e.Outcome);
                    break;
                case IndicatorKind.Orientations:
                    foreach (var o in f.Orientations)
                        if (o.ProposedOn.Year == year && (destinations.Count == 0 || destinations.Contains(o.Destination)))
                            yield return new Unit($"{o.Destination}|{f.Person}", f, o.ProposedOn, Destination: o.Destination);
                    break;
            }
        }
    }

    private static IEnumerable<IndicatorFact> Selected(IEnumerable<IndicatorFact> facts, IndicatorDefinition definition, string? neighbourhood)
    {
        var filter = definition.Filter;
        return facts.Where(f =>
            (filter.Programmes.Count == 0 || filter.Programmes.Contains(f.Programme))
            && (filter.ReferralSources.Count == 0 || filter.ReferralSources.Contains(f.ReferralSource))
            && (filter.TerritoryKinds.Count == 0 || f.TerritoryKind is { } kind && filter.TerritoryKinds.Contains(kind))
            && (filter.Sexes.Count == 0 || filter.Sexes.Contains(f.Sex))
            && (neighbourhood is null || NeighbourhoodOf(f) == neighbourhood));
    }

    private static void Allowed(IndicatorDefinition definition, Dimension dimension)
    {
        if (!definition.Dimensions.Contains(dimension))
            throw new ArgumentException($"{definition.Code} may not be broken down by {dimension}.", nameof(dimension));
    }

    public static string ValueOf(Dimension dimension, Unit unit) => dimension switch
    {
        Dimension.Neighbourhood => NeighbourhoodOf(unit.Fact),
        Dimension.Sex => unit.Fact.Sex.ToString(),
        Dimension.AgeBand => unit.Fact.AgeBand,
        Dimension.Programme => unit.Fact.Programme,
        Dimension.ReferralSource => unit.Fact.ReferralSource,
        Dimension.Destination => unit.Destination ?? "",
        Dimension.Outcome => unit.Outcome ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Sex and age band always show every category (stable tables across years); other dimensions show the values met.</summary>
    public static IReadOnlyList<string> Labels(Dimension dimension, IReadOnlyList<Unit> units)
    {
        var fixedLabels = FixedLabels(dimension);
        var met = units.Select(u => ValueOf(dimension, u)).Where(v => !fixedLabels.Contains(v)).Distinct().Order(StringComparer.Ordinal);
        return [.. fixedLabels, .. met];
    }

    private static IReadOnlyList<string> FixedLabels(Dimension dimension) => dimension switch
    {
        Dimension.Sex => Enum.GetNames<Sex>(),
        Dimension.AgeBand => AgeBand.All,
        _ => [],
    };

    private static Dictionary<string, int> IndexOf(IReadOnlyList<string> labels)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = labels.Count - 1; i >= 0; i--) index[labels[i]] = i;
        return index;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string value)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == value) return i;
        throw new InvalidOperationException($"No label '{value}'.");
    }
}
