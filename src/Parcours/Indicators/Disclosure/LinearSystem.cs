namespace Parcours.Indicators.Disclosure;

public enum FigureKind { Cell, RowTotal, ColumnTotal, GrandTotal }

/// <summary>One figure of the export: a cell or a margin, with its true value.</summary>
public sealed record Figure(string Key, FigureKind Kind, int Value);

/// <summary>A published identity: the figure <see cref="Total"/> is the sum of <see cref="Parts"/>.</summary>
public sealed record Equation(int Total, int[] Parts);

/// <summary>
/// A set of tables published together, seen as what an intruder knows: every figure (cells and
/// margins, shared margins counted once) and every additive identity between them.
/// </summary>
public sealed record LinearSystem(IReadOnlyList<Figure> Figures, IReadOnlyList<Equation> Equations)
{
    public static LinearSystem Of(IReadOnlyList<CountTable> tables)
    {
        var figures = new List<Figure>();
        var index = new Dictionary<string, int>();
        var equations = new List<Equation>();
        var seen = new HashSet<string>();

        int FigureOf(string key, FigureKind kind, int value)
        {
            if (index.TryGetValue(key, out var existing))
            {
                if (figures[existing].Value != value)
                    throw new ArgumentException($"Shared total '{key}' differs between tables ({figures[existing].Value} and {value}).");
                return existing;
            }
            index[key] = figures.Count;
            figures.Add(new Figure(key, kind, value));
            return figures.Count - 1;
        }

        void Add(int total, int[] parts)
        {
            var signature = total + "=" + string.Join('+', parts.Order());
            if (seen.Add(signature)) equations.Add(new Equation(total, parts));
        }

        foreach (var table in tables)
        {
            var cells = table.Counts.Select((row, r) => row.Select((count, c) =>
                FigureOf(CellKey(table, r, c), FigureKind.Cell, count)).ToArray()).ToArray();
            var rows = table.RowLabels.Select((label, r) =>
                FigureOf(RowKey(table, r), FigureKind.RowTotal, table.RowTotal(r))).ToArray();
            var columns = table.ColumnLabels.Select((label, c) =>
                FigureOf(ColumnKey(table, c), FigureKind.ColumnTotal, table.ColumnTotal(c))).ToArray();
            var grand = FigureOf(GrandKey(table), FigureKind.GrandTotal, table.GrandTotal);

            for (var r = 0; r < rows.Length; r++) Add(rows[r], cells[r]);
            for (var c = 0; c < columns.Length; c++) Add(columns[c], cells.Select(row => row[c]).ToArray());
            Add(grand, rows);
            Add(grand, columns);
        }
        return new LinearSystem(figures, equations);
    }

    public int IndexOf(string key) => Figures.Select((f, i) => (f, i)).First(x => x.f.Key == key).i;

    public static string CellKey(CountTable table, int row, int column) => $"{table.Name}|cell|{row}|{column}";

    public static string RowKey(CountTable table, int row) => table.RowTotalsKey is { } key
        ? $"margin:{key}|{table.RowLabels[row]}"
        : $"{table.Name}|row|{row}";

    public static string ColumnKey(CountTable table, int column) => table.ColumnTotalsKey is { } key
        ? $"margin:{key}|{table.ColumnLabels[column]}"
        : $"{table.Name}|column|{column}";

    public static string GrandKey(CountTable table) =>
        (table.RowTotalsKey ?? table.ColumnTotalsKey) is { } key ? $"grand:{key}" : $"{table.Name}|grand";
}
