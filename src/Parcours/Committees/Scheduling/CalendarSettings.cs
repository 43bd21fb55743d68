namespace Parcours.Committees.Scheduling;

/// <summary>When and where one kind of sitting usually takes place: the n-th weekday of the month.</summary>
public sealed class SittingRule
{
    public DayOfWeek Weekday { get; set; }
    /// <summary>Which week of the month (1 to 4).</summary>
    public int Week { get; set; } = 1;
    public TimeOnly StartsAt { get; set; }
    public string Place { get; set; } = "";
}

/// <summary>
/// The calendar's defaults, from <c>Parcours:Committees:Calendar</c>: one <see cref="SittingRule"/>
/// per kind (<c>…:PreTeam:Weekday</c>, <c>:Week</c>, <c>:StartsAt</c>, <c>:Place</c>) and the
/// months without sittings (<c>…:SkippedMonths</c>, comma-separated, default August).
/// </summary>
public sealed class CalendarSettings
{
    public const string Section = "Parcours:Committees:Calendar";

    public SittingRule MutualisedAdmission { get; set; } = new()
    {
        Weekday = DayOfWeek.Tuesday, Week = 2, StartsAt = new TimeOnly(14, 0), Place = "Hôtel de ville de Calais – salle des commissions",
    };

    public SittingRule SasAdmission { get; set; } = new()
    {
        Weekday = DayOfWeek.Tuesday, Week = 2, StartsAt = new TimeOnly(14, 0), Place = "SAS Coluche – salle de réunion",
    };

    public SittingRule CiteAdmission { get; set; } = new()
    {
        Weekday = DayOfWeek.Thursday, Week = 2, StartsAt = new TimeOnly(9, 30), Place = "La Fabrique Défi – salle Cité de l'emploi",
    };

    public SittingRule CiteAdults { get; set; } = new()
    {
        Weekday = DayOfWeek.Thursday, Week = 3, StartsAt = new TimeOnly(9, 30), Place = "La Fabrique Défi – salle Cité de l'emploi",
    };

    /// <summary>The first neighbourhood's team; each next one meets a week later.</summary>
    public SittingRule PreTeam { get; set; } = new()
    {
        Weekday = DayOfWeek.Monday, Week = 1, StartsAt = new TimeOnly(9, 0), Place = "Programme de Réussite Éducative – salle de réunion",
    };

    /// <summary>Months without sittings (1-12), comma-separated: the summer break by default.</summary>
    public string SkippedMonths { get; set; } = "8";

    public SittingRule RuleFor(CommitteeKind kind) => kind switch
    {
        CommitteeKind.MutualisedAdmission => MutualisedAdmission,
        CommitteeKind.SasAdmission => SasAdmission,
        CommitteeKind.CiteAdmission => CiteAdmission,
        CommitteeKind.CiteAdults => CiteAdults,
        _ => PreTeam,
    };

    public IReadOnlySet<int> Skipped =>
        SkippedMonths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => int.TryParse(m, out var month) ? month : 0).Where(m => m is >= 1 and <= 12).ToHashSet();

    public static CalendarSettings From(IConfiguration configuration)
    {
        var settings = new CalendarSettings();
        configuration.GetSection(Section).Bind(settings);
        return settings;
    }
}
