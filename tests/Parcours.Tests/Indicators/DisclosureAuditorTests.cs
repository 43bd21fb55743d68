using Parcours.Indicators.Disclosure;

namespace Parcours.Tests.Indicators;

public sealed class DisclosureAuditorTests
{
    private static readonly CountTable TwoByTwo = new("t", ["a", "b"], ["x", "y"], [[3, 20], [15, 30]]);

    private static HashSet<int> Cells(LinearSystem system, CountTable table, params (int Row, int Column)[] cells) =>
        cells.Select(c => system.IndexOf(LinearSystem.CellKey(table, c.Row, c.Column))).ToHashSet();

    [Fact]
    public void a_fully_hidden_two_by_two_table_leaves_each_cell_free_within_its_smallest_margin()
    {
        // x00 + x01 = 23, x10 + x11 = 45, x00 + x10 = 18: x00 = t, x01 = 23 − t, x10 = 18 − t, x11 = 27 + t, t ∈ [0, 18].
        var system = LinearSystem.Of([TwoByTwo]);
        var hidden = Cells(system, TwoByTwo, (0, 0), (0, 1), (1, 0), (1, 1));

        var corner = Auditor.Interval(system, hidden, system.IndexOf(LinearSystem.CellKey(TwoByTwo, 0, 0)));
        var opposite = Auditor.Interval(system, hidden, system.IndexOf(LinearSystem.CellKey(TwoByTwo, 1, 1)));

        Assert.Equal(0, corner.Min, 1e-9);
        Assert.Equal(18, corner.Max, 1e-9);
        Assert.Equal(27, opposite.Min, 1e-9);
        Assert.Equal(45, opposite.Max, 1e-9);
    }

    [Fact]
    public void a_cell_hidden_alone_in_its_row_is_recomputed_exactly()
    {
        var system = LinearSystem.Of([TwoByTwo]);
        var hidden = Cells(system, TwoByTwo, (0, 0));

        var interval = Auditor.Interval(system, hidden, hidden.Single());

        Assert.Equal(3, interval.Min, 1e-9);
        Assert.Equal(3, interval.Max, 1e-9);
    }

    [Fact]
    public void a_cell_hidden_with_its_row_total_and_row_neighbour_is_bounded_by_its_column_total()
    {
        // Hidden: x00, x01 and the row total; x00 ≤ column total 18 and x01 ≤ 50, x00 = 18 − 15 = 3 from the column.
        var system = LinearSystem.Of([TwoByTwo]);
        var hidden = Cells(system, TwoByTwo, (0, 0), (0, 1));
        hidden.Add(system.IndexOf(LinearSystem.RowKey(TwoByTwo, 0)));

        var interval = Auditor.Interval(system, hidden, system.IndexOf(LinearSystem.CellKey(TwoByTwo, 0, 0)));

        Assert.Equal(3, interval.Min, 1e-9);
        Assert.Equal(3, interval.Max, 1e-9);
    }

    [Fact]
    public void everything_hidden_leaves_a_cell_unbounded_above()
    {
        var system = LinearSystem.Of([TwoByTwo]);
        var hidden = Enumerable.Range(0, system.Figures.Count).ToHashSet();

        var interval = Auditor.Interval(system, hidden, system.IndexOf(LinearSystem.CellKey(TwoByTwo, 0, 0)));

        Assert.Equal(0, interval.Min, 1e-9);
        Assert.Equal(double.PositiveInfinity, interval.Max);
        Assert.True(interval.HighWitness[interval.Figure] >= Auditor.UnboundedReach - 1e-6);
    }

    [Fact]
    public void the_simplex_finds_the_optimum_and_reports_unbounded_and_infeasible_problems()
    {
        // max x + 2y, x + y + s = 4, x − y = 1 ⇒ y = 1.5, x = 2.5, objective 5.5.
        var optimal = Simplex.Maximize(new double[,] { { 1, 1, 1 }, { 1, -1, 0 } }, [4, 1], [1, 2, 0]);
        var unbounded = Simplex.Maximize(new double[,] { { 1, -1 } }, [2], [1, 0]);
        var infeasible = Simplex.Maximize(new double[,] { { 1, 1 } }, [-1], [1, 0]);

        Assert.Equal(LpOutcome.Optimal, optimal.Outcome);
        Assert.Equal(5.5, optimal.Value, 1e-9);
        Assert.Equal(LpOutcome.Unbounded, unbounded.Outcome);
        Assert.Equal(LpOutcome.Infeasible, infeasible.Outcome);
    }
}
