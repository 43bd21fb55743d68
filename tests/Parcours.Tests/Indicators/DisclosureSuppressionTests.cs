using Parcours.Indicators.Disclosure;

namespace Parcours.Tests.Indicators;

public sealed class DisclosureSuppressionTests
{
    private static CountTable Table(string name, int[][] counts, string? rowTotalsKey = null) => new(
        name,
        counts.Select((_, r) => $"Quartier {r + 1}").ToList(),
        counts[0].Select((_, c) => $"Modalité {c + 1}").ToList(),
        counts,
        rowTotalsKey);

    [Fact]
    public void a_single_small_cell_forces_a_second_suppression_in_its_row_and_in_its_column()
    {
        var table = Table("t", [[40, 4, 30], [25, 50, 35], [60, 45, 70]]);

        var published = Suppress.Tables([table], DisclosureRules.Default).Single();

        Assert.Equal(Suppression.Primary, published.Cells[0][1].Suppression);
        Assert.Null(published.Cells[0][1].Value);
        Assert.Contains(published.Cells[0], v => v.Suppression == Suppression.Secondary);
        Assert.Contains(published.Cells, row => row[1].Suppression == Suppression.Secondary);
        Assert.All(published.RowTotals.Concat(published.ColumnTotals), v => Assert.NotNull(v.Value));
    }

    [Fact]
    public void a_zero_count_is_published()
    {
        var table = Table("t", [[0, 20], [15, 0]]);

        var published = Suppress.Tables([table], DisclosureRules.Default).Single();

        Assert.Equal(new int?[] { 0, 20, 15, 0 }, published.Cells.SelectMany(row => row.Select(v => v.Value)));
    }

    [Fact]
    public void the_threshold_is_configurable()
    {
        var table = Table("t", [[12, 5, 40], [30, 3, 50]]);

        var strict = Suppress.Tables([table], new DisclosureRules(threshold: 15)).Single();
        var lenient = Suppress.Tables([table], new DisclosureRules(threshold: 3)).Single();

        Assert.Equal(Suppression.Primary, strict.Cells[0][0].Suppression);
        Assert.Equal(Suppression.Primary, strict.Cells[0][1].Suppression);
        Assert.All(lenient.Cells.SelectMany(row => row), v => Assert.NotNull(v.Value));
        Assert.All(DisclosureCheck.HiddenWidths([table], [strict]), h => Assert.True(h.Width >= 15, h.Where));
    }

    [Fact]
    public void the_protection_interval_defaults_to_the_threshold()
    {
        Assert.Equal(11, DisclosureRules.Default.ProtectionInterval);
        Assert.Equal(5, new DisclosureRules(threshold: 5).ProtectionInterval);
        Assert.Equal(20, new DisclosureRules(threshold: 5, protectionInterval: 20).ProtectionInterval);
    }

    [Fact]
    public void a_small_margin_is_hidden_with_its_small_cells()
    {
        var table = Table("t", [[3, 0, 4], [30, 25, 40], [20, 35, 50]]);

        var published = Suppress.Tables([table], DisclosureRules.Default).Single();

        Assert.Equal(Suppression.Primary, published.RowTotals[0].Suppression);
        Assert.Equal(0, published.Cells[0][1].Value);
        Assert.All(DisclosureCheck.HiddenWidths([table], [published]), h => Assert.True(h.Width >= 11, h.Where));
    }

    [Fact]
    public void two_tables_sharing_their_neighbourhood_totals_protect_each_other_s_hidden_cells()
    {
        // The same people by neighbourhood × sex and by neighbourhood × age band.
        var bySex = Table("par sexe", [[8, 1], [30, 25], [22, 41]], rowTotalsKey: "quartier");
        var byAge = Table("par âge", [[2, 7], [40, 15], [33, 30]], rowTotalsKey: "quartier");

        var published = Suppress.Tables([bySex, byAge], DisclosureRules.Default);

        Assert.Null(published[0].RowTotals[0].Value);
        Assert.Null(published[1].RowTotals[0].Value);
        Assert.Equal(published[0].RowTotals.Select(v => v.Value), published[1].RowTotals.Select(v => v.Value));
        Assert.All(DisclosureCheck.HiddenWidths([bySex, byAge], published), h => Assert.True(h.Width >= 11, h.Where));
    }

    [Fact]
    public void hidden_cells_stay_protected_when_the_other_table_publishes_their_row_total()
    {
        // Table B shows the first neighbourhood's total (11) cell by cell: table A's two small
        // cells in that row must still not be narrowed, through either table.
        var a = Table("A", [[5, 6], [30, 40]], rowTotalsKey: "quartier");
        var b = Table("B", [[11, 0], [35, 35]], rowTotalsKey: "quartier");

        var published = Suppress.Tables([a, b], DisclosureRules.Default);

        Assert.All(DisclosureCheck.HiddenWidths([a, b], published), h => Assert.True(h.Width >= 11, h.Where));
    }
}
