namespace Parcours.Indicators.Disclosure;

/// <summary>
/// A two-way table of true counts before disclosure control. Margins (row, column and grand
/// totals) are always computed from these counts, never supplied.
/// Tables of one export that break the same population down by the same dimension share
/// their margins: give them the same <see cref="RowTotalsKey"/> (or <see cref="ColumnTotalsKey"/>),
/// and the same labels; their totals then are one published figure, suppressed or not in all
/// of them, and the auditor sees the link. The grand total is shared under the first key given.
/// </summary>
public sealed record CountTable(
    string Name,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    int[][] Counts,
    string? RowTotalsKey = null,
    string? ColumnTotalsKey = null)
{
    public int RowTotal(int row) => Counts[row].Sum();

    public int ColumnTotal(int column) => Counts.Sum(cells => cells[column]);

    public int GrandTotal => Counts.Sum(cells => cells.Sum());
}
