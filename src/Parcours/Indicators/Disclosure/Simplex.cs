namespace Parcours.Indicators.Disclosure;

public enum LpOutcome { Optimal, Unbounded, Infeasible }

public sealed record LpResult(LpOutcome Outcome, double Value, double[] Solution);

/// <summary>
/// A small dense two-phase simplex: maximise c·x subject to A x = b, x ≥ 0.
/// Bland's rule (lowest index enters, lowest basic index leaves on ties) rules out cycling.
/// Meant for the few hundred variables of a disclosure audit, not for large problems:
/// every pivot touches the whole tableau, in doubles, with an absolute tolerance.
/// </summary>
public static class Simplex
{
    public const double Tolerance = 1e-9;

    public static LpResult Maximize(double[,] a, double[] b, double[] c)
    {
        int m = b.Length, n = c.Length, rhs = n + m;
        var t = new double[m + 1, n + m + 1];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            var sign = b[i] < 0 ? -1.0 : 1.0;
            for (var j = 0; j < n; j++) t[i, j] = sign * a[i, j];
            t[i, n + i] = 1;
            t[i, rhs] = sign * b[i];
            basis[i] = n + i;
        }

        // Phase 1: maximise −Σ artificials; the objective row holds reduced costs, its last cell the objective.
        for (var j = 0; j < n; j++)
            for (var i = 0; i < m; i++) t[m, j] -= t[i, j];
        for (var i = 0; i < m; i++) t[m, rhs] -= t[i, rhs];
        if (!Optimise(t, basis, m, n + m)) throw new InvalidOperationException("Phase 1 cannot be unbounded.");
        if (t[m, rhs] < -Tolerance * (1 + b.Sum(Math.Abs))) return new LpResult(LpOutcome.Infeasible, double.NaN, []);

        // Drive artificials out of the basis; a row where none can leave is redundant and stays inert.
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < n) continue;
            for (var j = 0; j < n; j++)
                if (Math.Abs(t[i, j]) > Tolerance) { Pivot(t, basis, i, j); break; }
        }

        // Phase 2: the true objective, over the original columns only.
        for (var j = 0; j <= rhs; j++) t[m, j] = 0;
        for (var j = 0; j < n; j++) t[m, j] = -c[j];
        for (var i = 0; i < m; i++)
        {
            if (basis[i] >= n || c[basis[i]] == 0) continue;
            var weight = c[basis[i]];
            for (var j = 0; j <= rhs; j++) t[m, j] += weight * t[i, j];
        }
        for (var i = 0; i < m; i++)
            for (var j = n; j < rhs; j++) t[i, j] = 0;
        if (!Optimise(t, basis, m, n)) return new LpResult(LpOutcome.Unbounded, double.PositiveInfinity, []);

        var x = new double[n];
        for (var i = 0; i < m; i++)
            if (basis[i] < n) x[basis[i]] = t[i, rhs];
        return new LpResult(LpOutcome.Optimal, t[m, rhs], x);
    }

    /// <summary>Pivots until optimal (true) or unbounded (false); only columns below <paramref name="columns"/> may enter.</summary>
    private static bool Optimise(double[,] t, int[] basis, int m, int columns)
    {
        var rhs = t.GetLength(1) - 1;
        while (true)
        {
            var entering = -1;
            for (var j = 0; j < columns; j++)
                if (t[m, j] < -Tolerance) { entering = j; break; }
            if (entering < 0) return true;

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                if (t[i, entering] <= Tolerance) continue;
                var ratio = t[i, rhs] / t[i, entering];
                if (ratio < best - Tolerance || (ratio <= best + Tolerance && leaving >= 0 && basis[i] < basis[leaving]))
                {
                    best = Math.Min(best, ratio);
                    leaving = i;
                }
            }
            if (leaving < 0) return false;
            Pivot(t, basis, leaving, entering);
        }
    }

    private static void Pivot(double[,] t, int[] basis, int row, int column)
    {
        int rows = t.GetLength(0), columns = t.GetLength(1);
        var pivot = t[row, column];
        for (var j = 0; j < columns; j++) t[row, j] /= pivot;
        for (var i = 0; i < rows; i++)
        {
            if (i == row || t[i, column] == 0) continue;
            var factor = t[i, column];
            for (var j = 0; j < columns; j++) t[i, j] -= factor * t[row, j];
            t[i, column] = 0;
        }
        basis[row] = column;
    }
}
