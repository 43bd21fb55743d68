namespace Parcours.Indicators.Disclosure;

public enum Suppression
{
    None,
    /// <summary>The count itself lies in 1..threshold−1.</summary>
    Primary,
    /// <summary>Hidden so that a primary suppression cannot be recomputed from the rest.</summary>
    Secondary,
}

/// <summary>A published figure: its value, or null with the reason it is hidden.</summary>
public sealed record PublishedValue(int? Value, Suppression Suppression)
{
    public bool IsSuppressed => Suppression != Suppression.None;
}

public sealed record PublishedTable(
    string Name,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    PublishedValue[][] Cells,
    PublishedValue[] RowTotals,
    PublishedValue[] ColumnTotals,
    PublishedValue GrandTotal);
