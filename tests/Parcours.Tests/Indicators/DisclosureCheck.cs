using Parcours.Indicators.Disclosure;

namespace Parcours.Tests.Indicators;

/// <summary>
/// An audit of a published export that trusts nothing but the published tables: the hidden
/// figures are read from the output, and every interval the solver claims is checked through its
/// two witnesses, which must agree with every published figure and every row, column and grand
/// total identity of every table.
/// </summary>
public static class DisclosureCheck
{
    public static IEnumerable<(string Where, double Width)> HiddenWidths(
        IReadOnlyList<CountTable> tables, IReadOnlyList<PublishedTable> published)
    {
        var system = LinearSystem.Of(tables);
        var hidden = new HashSet<int>();
        foreach (var (key, value) in Figures(tables, published))
            if (value.Value is null) hidden.Add(system.IndexOf(key));

        foreach (var f in hidden.Order())
        {
            var interval = Auditor.Interval(system, hidden, f);
            AssertConsistent(tables, published, system, interval.LowWitness);
            AssertConsistent(tables, published, system, interval.HighWitness);
            yield return (system.Figures[f].Key, interval.HighWitness[f] - interval.LowWitness[f]);
        }
    }

    public static IEnumerable<(string Key, PublishedValue Value)> Figures(
        IReadOnlyList<CountTable> tables, IReadOnlyList<PublishedTable> published)
    {
        for (var t = 0; t < tables.Count; t++)
        {
            var (table, output) = (tables[t], published[t]);
            for (var r = 0; r < table.RowLabels.Count; r++)
            {
                yield return (LinearSystem.RowKey(table, r), output.RowTotals[r]);
                for (var c = 0; c < table.ColumnLabels.Count; c++)
                    yield return (LinearSystem.CellKey(table, r, c), output.Cells[r][c]);
            }
            for (var c = 0; c < table.ColumnLabels.Count; c++)
                yield return (LinearSystem.ColumnKey(table, c), output.ColumnTotals[c]);
            yield return (LinearSystem.GrandKey(table), output.GrandTotal);
        }
    }

    private static void AssertConsistent(
        IReadOnlyList<CountTable> tables, IReadOnlyList<PublishedTable> published, LinearSystem system, double[] values)
    {
        const double tolerance = 1e-6;
        Assert.All(values, v => Assert.True(v >= -tolerance, $"negative value {v}"));
        foreach (var (key, value) in Figures(tables, published))
            if (value.Value is { } shown)
                Assert.Equal(shown, values[system.IndexOf(key)], tolerance);

        foreach (var table in tables)
        {
            double V(string key) => values[system.IndexOf(key)];
            int rows = table.RowLabels.Count, columns = table.ColumnLabels.Count;
            for (var r = 0; r < rows; r++)
                Assert.Equal(V(LinearSystem.RowKey(table, r)),
                    Enumerable.Range(0, columns).Sum(c => V(LinearSystem.CellKey(table, r, c))), tolerance);
            for (var c = 0; c < columns; c++)
                Assert.Equal(V(LinearSystem.ColumnKey(table, c)),
                    Enumerable.Range(0, rows).Sum(r => V(LinearSystem.CellKey(table, r, c))), tolerance);
            Assert.Equal(V(LinearSystem.GrandKey(table)),
                Enumerable.Range(0, rows).Sum(r => V(LinearSystem.RowKey(table, r))), tolerance);
        }
    }

    public static string Render(IReadOnlyList<PublishedTable> published) => string.Join("\n", published.Select(t =>
        t.Name + ":" + string.Join("|", t.Cells.Select(row => string.Join(",", row.Select(Show))))
        + " rows " + string.Join(",", t.RowTotals.Select(Show))
        + " columns " + string.Join(",", t.ColumnTotals.Select(Show))
        + " total " + Show(t.GrandTotal)));

    private static string Show(PublishedValue v) => v.Value?.ToString() ?? v.Suppression.ToString()[..1];
}
