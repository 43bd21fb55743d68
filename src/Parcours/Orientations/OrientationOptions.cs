namespace Parcours.Orientations;

/// <summary>
/// Delays of an orientation a committee opened (<c>Parcours:Orientations</c>): the receiving
/// structure is reminded after <see cref="ReminderAfterDays"/> without an answer, and the
/// orientation expires after <see cref="ExpiryAfterDays"/>.
/// </summary>
public sealed class OrientationOptions
{
    public const string Section = "Parcours:Orientations";

    public int ReminderAfterDays { get; set; } = 10;
    public int ExpiryAfterDays { get; set; } = 30;
}
