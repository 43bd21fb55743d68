namespace Parcours.Indicators.Publishing;

/// <summary>Settings under <c>Parcours:Indicators</c>.</summary>
public sealed class IndicatorOptions
{
    /// <summary>No published count lies in 1..Threshold−1.</summary>
    public int Threshold { get; set; } = 11;

    /// <summary>The contract's baseline year: reports show the evolution since then.</summary>
    public int BaselineYear { get; set; } = 2023;
}
