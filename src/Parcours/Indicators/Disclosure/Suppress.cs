namespace Parcours.Indicators.Disclosure;

/// <summary>
/// Disclosure control for a set of tables published together.
/// 1. Primary: every figure (cell or margin) in 1..threshold−1 is hidden.
/// 2. Secondary: while the auditor can narrow some hidden figure to less than the protection
///    interval, hide one more figure that shares an identity with it, trying candidates by cost
///    (a cell before a margin, a non-zero count before a zero, the smallest count, then export
///    order) and taking the first that protects it, else the one that widens it most.
/// Hiding more only widens every feasible interval, so a figure found protected stays
/// protected and is audited once; the loop ends because each round hides one more figure.
/// </summary>
public static class Suppress
{
    public static IReadOnlyList<PublishedTable> Tables(IReadOnlyList<CountTable> tables, DisclosureRules rules) =>
        Apply(tables, rules, alsoHide: null).Tables;

    /// <summary>
    /// Suppresses the tables, hiding also the figures named in <paramref name="alsoHide"/> (by
    /// <see cref="LinearSystem"/> key: the same population hidden elsewhere in the export), and
    /// protects them like the others. Returns the keys of every hidden figure.
    /// </summary>
    public static (IReadOnlyList<PublishedTable> Tables, IReadOnlySet<string> Hidden) Apply(
        IReadOnlyList<CountTable> tables, DisclosureRules rules, IReadOnlySet<string>? alsoHide)
    {
        var system = LinearSystem.Of(tables);
        var forced = alsoHide is null ? [] : system.Figures.Select((f, i) => (f.Key, i)).Where(x => alsoHide.Contains(x.Key)).Select(x => x.i).ToHashSet();
        var reasons = Hide(system, rules, forced);
        return (tables.Select(table => Publish(table, system, reasons)).ToList(),
            reasons.Keys.Select(f => system.Figures[f].Key).ToHashSet());
    }

    /// <summary>The figures to hide, by index in <paramref name="system"/>, with the reason.</summary>
    public static IReadOnlyDictionary<int, Suppression> Hide(LinearSystem system, DisclosureRules rules, IReadOnlySet<int>? alsoHide = null)
    {
        var reasons = new Dictionary<int, Suppression>();
        for (var f = 0; f < system.Figures.Count; f++)
            if (rules.IsSmall(system.Figures[f].Value)) reasons[f] = Suppression.Primary;
            else if (alsoHide?.Contains(f) == true) reasons[f] = Suppression.Secondary;

        var hidden = reasons.Keys.ToHashSet();
        var protectedFigures = new HashSet<int>();
        while (Exposed(system, hidden, protectedFigures, rules) is { } exposed)
        {
            var complement = Complement(system, hidden, exposed, rules);
            hidden.Add(complement);
            reasons[complement] = Suppression.Secondary;
        }
        return reasons;
    }

    /// <summary>
    /// A hidden figure the auditor can narrow, with the identities to break: first any figure
    /// alone among hidden ones in an identity (recomputed by subtraction, no solver needed),
    /// then the first figure, in export order, whose feasible interval is too narrow.
    /// </summary>
    private static (int Figure, Equation[] Through)? Exposed(
        LinearSystem system, HashSet<int> hidden, HashSet<int> protectedFigures, DisclosureRules rules)
    {
        var pinning = system.Equations
            .Select(e => (Equation: e, Hidden: e.Parts.Append(e.Total).Where(hidden.Contains).ToList()))
            .Where(x => x.Hidden.Count == 1)
            .OrderBy(x => x.Hidden[0])
            .FirstOrDefault();
        if (pinning.Equation is not null)
            return (pinning.Hidden[0], system.Equations
                .Where(e => Members(e).Count(hidden.Contains) == 1 && Members(e).Contains(pinning.Hidden[0])).ToArray());

        foreach (var f in hidden.Order())
        {
            if (protectedFigures.Contains(f)) continue;
            if (Auditor.Interval(system, hidden, f).Width < rules.ProtectionInterval - 1e-6)
                return (f, system.Equations.Where(e => Members(e).Contains(f)).ToArray());
            protectedFigures.Add(f);
        }
        return null;
    }

    /// <summary>
    /// The figure to hide next: among the published members of the identities that expose the
    /// figure, in order of cost, the first that protects it on its own, else the one that widens
    /// its interval most, else the cheapest.
    /// </summary>
    private static int Complement(LinearSystem system, HashSet<int> hidden, (int Figure, Equation[] Through) exposed, DisclosureRules rules)
    {
        var pools = new[]
        {
            exposed.Through.SelectMany(Members),
            system.Equations.Where(e => Members(e).Any(hidden.Contains)).SelectMany(Members),
            Enumerable.Range(0, system.Figures.Count),
        };
        var candidates = pools
            .Select(pool => pool.Where(f => !hidden.Contains(f)).Distinct()
                .OrderBy(f => system.Figures[f].Kind == FigureKind.Cell ? 0 : 1)
                .ThenBy(f => system.Figures[f].Value == 0 ? 1 : 0)
                .ThenBy(f => system.Figures[f].Value)
                .ThenBy(f => f)
                .ToList())
            .First(pool => pool.Count > 0);

        var best = (Candidate: candidates[0], Width: Auditor.Interval(system, hidden, exposed.Figure).Width);
        foreach (var candidate in candidates)
        {
            var width = Auditor.Interval(system, new HashSet<int>(hidden) { candidate }, exposed.Figure).Width;
            if (width >= rules.ProtectionInterval - 1e-6) return candidate;
            if (width > best.Width + 1e-6) best = (candidate, width);
        }
        return best.Candidate;
    }

    private static IEnumerable<int> Members(Equation equation) => equation.Parts.Append(equation.Total);

    private static PublishedTable Publish(CountTable table, LinearSystem system, IReadOnlyDictionary<int, Suppression> reasons)
    {
        var index = system.Figures.Select((f, i) => (f.Key, i)).ToDictionary(x => x.Key, x => x.i);
        PublishedValue Value(string key)
        {
            var f = index[key];
            return reasons.TryGetValue(f, out var reason)
                ? new PublishedValue(null, reason)
                : new PublishedValue(system.Figures[f].Value, Suppression.None);
        }

        return new PublishedTable(
            table.Name,
            table.RowLabels,
            table.ColumnLabels,
            table.Counts.Select((row, r) => row.Select((_, c) => Value(LinearSystem.CellKey(table, r, c))).ToArray()).ToArray(),
            table.RowLabels.Select((_, r) => Value(LinearSystem.RowKey(table, r))).ToArray(),
            table.ColumnLabels.Select((_, c) => Value(LinearSystem.ColumnKey(table, c))).ToArray(),
            Value(LinearSystem.GrandKey(table)));
    }
}
