namespace Parcours.Kernel;

/// <summary>
/// Age bands carried by events instead of a birth date, so that indicators never need the
/// identifying date. The bands follow the programmes' thresholds (2, 6, 11, 16, 18, 26).
/// </summary>
public static class AgeBand
{
    public static readonly IReadOnlyList<string> All = ["0-5", "6-10", "11-15", "16-17", "18-25", "26-44", "45-59", "60+"];

    public static string Of(int age) => age switch
    {
        < 6 => "0-5",
        < 11 => "6-10",
        < 16 => "11-15",
        < 18 => "16-17",
        < 26 => "18-25",
        < 45 => "26-44",
        < 60 => "45-59",
        _ => "60+",
    };
}
