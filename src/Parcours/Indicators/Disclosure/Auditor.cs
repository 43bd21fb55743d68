namespace Parcours.Indicators.Disclosure;

/// <summary>
/// What an intruder can learn about one hidden figure: the smallest and largest values it can
/// take in any non-negative solution of the published identities, given every published figure
/// (<see cref="Max"/> is +∞ when nothing bounds it). The two witnesses are complete sets of
/// figures, consistent with everything published, at which the hidden figure is at
/// <see cref="Min"/> and at <see cref="Max"/> (or, when unbounded, at Min + <see cref="Auditor.UnboundedReach"/>):
/// anyone can check them without trusting the solver.
/// </summary>
public sealed record FeasibleInterval(int Figure, double Min, double Max, double[] LowWitness, double[] HighWitness)
{
    public double Width => Max - Min;
}

/// <summary>
/// Computes feasible intervals by linear programming over the published identities.
/// Limits: it solves the linear relaxation (real, not integer, values); for a single two-way
/// table the constraint matrix is totally unimodular so the bounds are the integer ones, but for
/// linked tables the integer interval may be slightly narrower. It knows only the additive
/// identities of the export: other knowledge (an earlier publication, a known zero, a
/// dominant contributor) is outside its model.
/// </summary>
public static class Auditor
{
    public const double UnboundedReach = 1_000_000;

    public static FeasibleInterval Interval(LinearSystem system, IReadOnlySet<int> hidden, int figure)
    {
        if (!hidden.Contains(figure))
        {
            var value = system.Figures[figure].Value;
            var truth = system.Figures.Select(f => (double)f.Value).ToArray();
            return new FeasibleInterval(figure, value, value, truth, truth);
        }

        var unknowns = hidden.Order().ToArray();
        var column = unknowns.Select((f, j) => (f, j)).ToDictionary(x => x.f, x => x.j);
        var rows = system.Equations.Where(e => hidden.Contains(e.Total) || e.Parts.Any(hidden.Contains)).ToList();
        var m = rows.Count + 1;
        var a = new double[m, unknowns.Length + 1];
        var b = new double[m];
        for (var i = 0; i < rows.Count; i++)
        {
            // Total − Σ parts = 0, the published figures moved to the right-hand side.
            Term(i, rows[i].Total, 1);
            foreach (var part in rows[i].Parts) Term(i, part, -1);
        }
        var target = column[figure];

        var objective = new double[unknowns.Length + 1];
        objective[target] = -1;
        var low = Simplex.Maximize(a, b, objective);
        if (low.Outcome != LpOutcome.Optimal)
            throw new InvalidOperationException("The true counts are a solution, so the audit is always feasible and bounded below.");
        var min = -low.Value;

        // The last row caps the figure (x + slack = min + reach), so the high witness exists even when Max is +∞.
        a[m - 1, target] = 1;
        a[m - 1, unknowns.Length] = 1;
        b[m - 1] = min + UnboundedReach;
        objective[target] = 1;
        var capped = Simplex.Maximize(a, b, objective);
        var max = capped.Value >= min + UnboundedReach - 1e-6 ? double.PositiveInfinity : capped.Value;

        return new FeasibleInterval(figure, min, max, Witness(low.Solution), Witness(capped.Solution));

        void Term(int row, int f, double sign)
        {
            if (column.TryGetValue(f, out var j)) a[row, j] += sign;
            else b[row] -= sign * system.Figures[f].Value;
        }

        double[] Witness(double[] solution)
        {
            var values = system.Figures.Select(f => (double)f.Value).ToArray();
            foreach (var (f, j) in column) values[f] = solution[j];
            return values;
        }
    }
}
