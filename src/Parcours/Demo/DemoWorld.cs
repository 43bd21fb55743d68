using Parcours.People.Vault;

namespace Parcours.Demo;

/// <summary>Encrypts a text with the data key of the person it is about.</summary>
public delegate EncryptedText DemoSealer(Guid personId, string text);

/// <summary>An event of the demo territory and the moment it happened (stored as its timestamp).</summary>
public sealed record DemoEvent(object Data, DateTimeOffset At);

/// <summary>What the generation shares: the dice, the present, and the way texts are sealed.</summary>
internal sealed class DemoWorld(DemoDice dice, DateTimeOffset now, DemoSealer seal)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public DemoDice Dice { get; } = dice;
    // Whole seconds, so that timestamps survive PostgreSQL's microsecond precision unchanged.
    public DateTimeOffset Now { get; } = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Paris).DateTime);
    public DemoSealer Seal { get; } = seal;

    public bool Happened(DateOnly day) => day <= Today;

    /// <summary>The instant of a Paris wall-clock time, never later than now.</summary>
    public DateTimeOffset Moment(DateOnly day, TimeOnly time)
    {
        var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Paris);
        var moment = new DateTimeOffset(utc, TimeSpan.Zero);
        return moment > Now ? Now : moment;
    }

    /// <summary>The day itself, or the next Monday for a weekend day.</summary>
    public static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    public static DateOnly ParisDay(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Paris).DateTime);
}
