using CsCheck;
using Parcours.Indicators.Disclosure;

namespace Parcours.Tests.Indicators;

public sealed class DisclosurePropertyTests
{
    private static readonly Gen<int> Count = Gen.OneOf(Gen.Const(0), Gen.Int[1, 10], Gen.Int[1, 10], Gen.Int[11, 80]);

    private static readonly Gen<CountTable> SingleTable =
        from rows in Gen.Int[1, 8]
        from columns in Gen.Int[1, 6]
        from counts in Count.Array[rows * columns]
        select new CountTable(
            "t",
            Enumerable.Range(0, rows).Select(r => $"r{r}").ToList(),
            Enumerable.Range(0, columns).Select(c => $"c{c}").ToList(),
            Enumerable.Range(0, rows).Select(r => counts.Skip(r * columns).Take(columns).ToArray()).ToArray());

    /// <summary>The same people counted by neighbourhood × sex and by neighbourhood × age band.</summary>
    private static readonly Gen<CountTable[]> TablesSharingRowTotals =
        from rows in Gen.Int[1, 6]
        from sexes in Gen.Int[1, 3]
        from ages in Gen.Int[1, 4]
        from people in Gen.Select(Gen.Int[0, rows - 1], Gen.Int[0, sexes - 1], Gen.Int[0, ages - 1]).Array[0, 200]
        select new[]
        {
            Tally("par sexe", rows, sexes, people.Select(p => (p.Item1, p.Item2))),
            Tally("par âge", rows, ages, people.Select(p => (p.Item1, p.Item3))),
        };

    private static CountTable Tally(string name, int rows, int columns, IEnumerable<(int Row, int Column)> people)
    {
        var counts = Enumerable.Range(0, rows).Select(_ => new int[columns]).ToArray();
        foreach (var (row, column) in people) counts[row][column]++;
        return new CountTable(
            name,
            Enumerable.Range(0, rows).Select(r => $"quartier {r}").ToList(),
            Enumerable.Range(0, columns).Select(c => $"{name} {c}").ToList(),
            counts,
            RowTotalsKey: "quartier");
    }

    private static void AssertSound(IReadOnlyList<CountTable> tables, DisclosureRules rules)
    {
        var published = Suppress.Tables(tables, rules);

        foreach (var (_, value) in DisclosureCheck.Figures(tables, published))
            Assert.False(value.Value is { } v && rules.IsSmall(v), $"published small count {value.Value}");

        for (var t = 0; t < tables.Count; t++)
        {
            var (table, output) = (tables[t], published[t]);
            for (var r = 0; r < table.RowLabels.Count; r++)
                Assert.True(output.RowTotals[r].Value is null || output.RowTotals[r].Value == table.RowTotal(r));
            for (var c = 0; c < table.ColumnLabels.Count; c++)
                Assert.True(output.ColumnTotals[c].Value is null || output.ColumnTotals[c].Value == table.ColumnTotal(c));
            Assert.True(output.GrandTotal.Value is null || output.GrandTotal.Value == table.GrandTotal);
            for (var r = 0; r < table.RowLabels.Count; r++)
                for (var c = 0; c < table.ColumnLabels.Count; c++)
                    Assert.True(output.Cells[r][c].Value is null || output.Cells[r][c].Value == table.Counts[r][c]);
        }

        Assert.All(DisclosureCheck.HiddenWidths(tables, published),
            h => Assert.True(h.Width >= rules.ProtectionInterval - 1e-6, $"{h.Where} narrowed to {h.Width}"));

        Assert.Equal(DisclosureCheck.Render(published), DisclosureCheck.Render(Suppress.Tables(tables, rules)));
    }

    [Fact]
    public void no_published_small_count_and_no_hidden_count_narrowed_in_random_tables() =>
        SingleTable.Sample(table => AssertSound([table], DisclosureRules.Default), iter: 400);

    [Fact]
    public void no_hidden_count_narrowed_across_random_tables_sharing_their_row_totals() =>
        TablesSharingRowTotals.Sample(tables => AssertSound(tables, DisclosureRules.Default), iter: 300);

    [Fact]
    public void a_configured_threshold_and_interval_hold_in_random_tables() =>
        SingleTable.Sample(table => AssertSound([table], new DisclosureRules(threshold: 5, protectionInterval: 8)), iter: 200);
}
