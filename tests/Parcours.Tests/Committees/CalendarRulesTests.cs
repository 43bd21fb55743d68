using Microsoft.Extensions.Configuration;
using Parcours.Committees;
using Parcours.Committees.Scheduling;
using Parcours.Reference;

namespace Parcours.Tests.Committees;

/// <summary>The contract's calendar rules, as a pure function of the year (no database).</summary>
public sealed class CalendarRulesTests
{
    private static readonly IReadOnlyList<Territory> Territories = ReferenceSeed.Territories;

    private static IReadOnlyList<PlannedSitting> Plan(params CommitteeKind[] kinds) =>
        CommitteeCalendar.Plan(2027, kinds, Territories, new CalendarSettings());

    private static int[] Months(IEnumerable<PlannedSitting> sittings) => sittings.Select(s => s.SittingOn.Month).ToArray();

    [Fact]
    public void the_mutualised_admission_committee_sits_every_two_months_in_odd_months() =>
        Assert.Equal([1, 3, 5, 7, 9, 11], Months(Plan(CommitteeKind.MutualisedAdmission)));

    [Theory]
    [InlineData(CommitteeKind.SasAdmission)]
    [InlineData(CommitteeKind.CiteAdmission)]
    public void each_programme_s_own_committee_sits_in_the_months_between_except_august(CommitteeKind kind) =>
        Assert.Equal([2, 4, 6, 10, 12], Months(Plan(kind)));

    [Fact]
    public void the_adults_committee_sits_the_month_after_each_mutualised_one_but_not_in_august()
    {
        var mutualised = Months(Plan(CommitteeKind.MutualisedAdmission));
        var adults = Months(Plan(CommitteeKind.CiteAdults));

        Assert.Equal([2, 4, 6, 10, 12], adults);
        Assert.All(adults, month => Assert.Contains(month - 1, mutualised));
    }

    [Fact]
    public void no_adults_committee_follows_a_mutualised_one_that_was_not_held()
    {
        var settings = new CalendarSettings { SkippedMonths = "8, 3" };

        var adults = CommitteeCalendar.Plan(2027, [CommitteeKind.CiteAdults], Territories, settings);

        Assert.Equal([2, 6, 10, 12], Months(adults));
    }

    [Fact]
    public void august_is_skipped_by_default_and_can_be_kept()
    {
        Assert.DoesNotContain(8, Months(Plan(CommitteeKind.PreTeam)));

        var summer = CommitteeCalendar.Plan(2027, [CommitteeKind.PreTeam], Territories, new CalendarSettings { SkippedMonths = "" });
        Assert.Contains(8, Months(summer));
    }

    [Fact]
    public void a_pre_team_sits_monthly_in_each_priority_neighbourhood_on_different_days()
    {
        var teams = Plan(CommitteeKind.PreTeam);

        Assert.Equal(11 * 2, teams.Count);
        foreach (var month in teams.GroupBy(t => t.SittingOn.Month))
        {
            Assert.Equal(["BM", "FNCSP"], month.Select(t => t.TerritoryCode).Order(StringComparer.Ordinal));
            Assert.Equal(2, month.Select(t => t.SittingOn).Distinct().Count());
        }
    }

    [Fact]
    public void a_neighbourhood_that_leaves_the_priority_geography_has_no_team_after_it_left()
    {
        var territories = Territories.Select(t => t.Id == "FNCSP"
            ? new Territory { Id = t.Id, Label = t.Label, Kind = t.Kind, ValidFrom = t.ValidFrom, ValidTo = new DateOnly(2027, 6, 30), Order = t.Order }
            : t).ToList();

        var teams = CommitteeCalendar.Plan(2027, [CommitteeKind.PreTeam], territories, new CalendarSettings());

        Assert.All(teams.Where(t => t.TerritoryCode == "FNCSP"), t => Assert.True(t.SittingOn.Month <= 6));
        Assert.Contains(teams, t => t.TerritoryCode == "BM" && t.SittingOn.Month == 12);
    }

    [Fact]
    public void sittings_fall_on_the_configured_weekday_week_time_and_place()
    {
        var settings = new CalendarSettings();
        settings.MutualisedAdmission.Weekday = DayOfWeek.Friday;
        settings.MutualisedAdmission.Week = 3;
        settings.MutualisedAdmission.StartsAt = new TimeOnly(10, 15);
        settings.MutualisedAdmission.Place = "Salle B";

        var first = CommitteeCalendar.Plan(2027, [CommitteeKind.MutualisedAdmission], Territories, settings)[0];

        Assert.Equal(new PlannedSitting(CommitteeKind.MutualisedAdmission, null, new DateOnly(2027, 1, 15), new TimeOnly(10, 15), "Salle B"), first);
    }

    [Fact]
    public void the_nth_weekday_of_a_month_counts_from_the_first_such_day() =>
        Assert.Equal(
            [new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 23)],
            new[] { 1, 2, 4 }.Select(w => CommitteeCalendar.Nth(2027, 3, DayOfWeek.Tuesday, w)));

    [Fact]
    public void regenerating_skips_the_sittings_already_there_and_those_already_past()
    {
        var plan = Plan(CommitteeKind.MutualisedAdmission);
        var existing = new HashSet<(CommitteeKind, string?, int, int)> { (CommitteeKind.MutualisedAdmission, null, 2027, 9) };

        var (create, skipped, past) = GenerateCalendarHandler.Sort(plan, existing, new DateOnly(2027, 4, 1));

        Assert.Equal([5, 7, 11], Months(create));
        Assert.Equal((1, 2), (skipped, past));
    }

    [Fact]
    public void a_generated_sitting_s_id_depends_on_its_kind_neighbourhood_and_month_only()
    {
        var sitting = new PlannedSitting(CommitteeKind.PreTeam, "BM", new DateOnly(2027, 3, 1), new TimeOnly(9, 0), "Salle A");

        Assert.Equal(CommitteeCalendar.SlotId(sitting), CommitteeCalendar.SlotId(sitting with { SittingOn = new DateOnly(2027, 3, 15), Place = "Salle B" }));
        Assert.NotEqual(CommitteeCalendar.SlotId(sitting), CommitteeCalendar.SlotId(sitting with { TerritoryCode = "FNCSP" }));
        Assert.NotEqual(CommitteeCalendar.SlotId(sitting), CommitteeCalendar.SlotId(sitting with { SittingOn = new DateOnly(2027, 4, 5) }));
        Assert.NotEqual(CommitteeCalendar.SlotId(sitting), CommitteeCalendar.SlotId(sitting with { SittingOn = new DateOnly(2028, 3, 6) }));
    }

    [Fact]
    public void settings_are_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Parcours:Committees:Calendar:PreTeam:Weekday"] = "Wednesday",
                ["Parcours:Committees:Calendar:PreTeam:StartsAt"] = "13:45",
                ["Parcours:Committees:Calendar:SkippedMonths"] = "7,8",
            })
            .Build();

        var settings = CalendarSettings.From(configuration);

        Assert.Equal((DayOfWeek.Wednesday, new TimeOnly(13, 45), 1), (settings.PreTeam.Weekday, settings.PreTeam.StartsAt, settings.PreTeam.Week));
        Assert.Equal([7, 8], settings.Skipped.Order());
        Assert.Equal(new CalendarSettings().PreTeam.Place, settings.PreTeam.Place);
    }
}
