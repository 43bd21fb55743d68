namespace Parcours.Kernel;

/// <summary>Dates people type are French calendar dates: "today" is today in Paris.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (birthDate > day.AddYears(-age)) age--;
        return age;
    }
}
