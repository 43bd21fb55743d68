namespace Parcours.Indicators.Disclosure;

/// <summary>
/// No published count may lie in 1..<see cref="Threshold"/>−1 (0 is published), and no
/// suppressed count may be narrowed by the published figures to an interval narrower than
/// <see cref="ProtectionInterval"/> (by default, the threshold).
/// </summary>
public sealed record DisclosureRules
{
    public DisclosureRules(int threshold = 11, int? protectionInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
        ProtectionInterval = protectionInterval ?? threshold;
    }

    public int Threshold { get; }

    public int ProtectionInterval { get; }

    public static DisclosureRules Default { get; } = new();

    public bool IsSmall(int count) => count >= 1 && count < Threshold;
}
