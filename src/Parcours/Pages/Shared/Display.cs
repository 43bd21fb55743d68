using System.Globalization;

namespace Parcours.Pages.Shared;

/// <summary>How pages write dates: dd/MM/yyyy for people, yyyy-MM-dd for date inputs.</summary>
public static class Display
{
    public static string Fr(this DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Fr(this DateOnly? date) => date is { } d ? d.Fr() : "—";

    public static string Iso(this DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string AgeBand(string band) => $"{band} ans";
}
