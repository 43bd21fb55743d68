using Alba;
using Parcours.Committees;
using Parcours.Committees.Scheduling;
using Parcours.Identity;
using Parcours.Tests.Support;

namespace Parcours.Tests.Committees;

/// <summary>The calendar through the API: generation, single sittings, moving and cancelling them, who may do it.</summary>
public sealed class CalendarApiTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly int NextYear = Scenarios.Today.Year + 1;

    private async Task<CalendarGenerated> Generate(Habilitation by, int year, params CommitteeKind[] kinds)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by);
            s.Post.Json(new { year, kinds = kinds.Select(k => k.ToString()).ToArray() }).ToUrl("/api/committees/calendar");
            s.StatusCodeShouldBe(200);
        });
        return await result.Read<CalendarGenerated>();
    }

    [Fact]
    public async Task a_coordinator_generates_the_year_of_the_kinds_their_structure_convenes_and_regenerating_does_not_duplicate()
    {
        var first = await Generate(Staff.SasCoordinator, NextYear);
        Assert.Equal((6 + 5, 0, 0), (first.Created, first.Skipped, first.Past));

        var again = await Generate(Staff.SasCoordinator, NextYear);
        Assert.Equal((0, 11), (again.Created, again.Skipped));

        // La Fabrique Défi co-owns the mutualised committee: already there, only its own committees are added.
        var cite = await Generate(Staff.CiteCoordinator, NextYear);
        Assert.Equal((5 + 5, 6), (cite.Created, cite.Skipped));

        var calendar = await Host.Calendar(Staff.CiteCoordinator, $"?from={NextYear}-01-01&to={NextYear}-12-31");
        Assert.Equal(6 + 5 + 5, calendar.Count(c => c.Convenes));
        Assert.DoesNotContain(calendar, c => c.Kind == CommitteeKind.SasAdmission);
        Assert.Equal(calendar.OrderBy(c => c.SittingOn).Select(c => c.Id), calendar.Select(c => c.Id));
    }

    [Fact]
    public async Task a_generated_sitting_moved_to_another_month_is_not_generated_again()
    {
        await Generate(Staff.SasCoordinator, NextYear, CommitteeKind.MutualisedAdmission);
        var january = (await Host.Calendar(Staff.SasCoordinator, $"?from={NextYear}-01-01&to={NextYear}-01-31")).Single();
        await Host.Done($"/api/committees/{january.Id}/reschedule",
            new { expectedVersion = january.Version, sittingOn = new DateOnly(NextYear, 2, 2), startsAt = "14:00:00", place = january.Place }, Staff.SasCoordinator);

        var again = await Generate(Staff.CiteCoordinator, NextYear, CommitteeKind.MutualisedAdmission);

        Assert.Equal((0, 6), (again.Created, again.Skipped));
        Assert.Equal(6, (await Host.Calendar(Staff.SasCoordinator, $"?from={NextYear}-01-01&to={NextYear}-12-31")).Count);
    }

    [Fact]
    public async Task two_coordinators_generating_at_once_never_duplicate_a_sitting()
    {
        var results = await Task.WhenAll(new[] { Staff.SasCoordinator, Staff.CiteCoordinator, Staff.SasCoordinator }.Select(by => Host.Scenario(s =>
        {
            s.As(by);
            s.Post.Json(new { year = NextYear, kinds = new[] { "MutualisedAdmission" } }).ToUrl("/api/committees/calendar");
            s.IgnoreStatusCode();
        })));

        Assert.All(results, r => Assert.Contains(r.Context.Response.StatusCode, new[] { 200, 409 }));
        Assert.Equal(6, (await Host.Calendar(Staff.SasCoordinator, $"?from={NextYear}-01-01&to={NextYear}-12-31")).Count);
    }

    [Fact]
    public async Task the_pre_generates_one_team_per_priority_neighbourhood_each_month_but_august()
    {
        var generated = await Generate(Staff.PreCoordinator, NextYear);

        Assert.Equal(11 * 2, generated.Created);
        var calendar = await Host.Calendar(Staff.PreCoordinator, $"?from={NextYear}-01-01&to={NextYear}-12-31");
        Assert.All(calendar, c => Assert.Equal(CommitteeKind.PreTeam, c.Kind));
        Assert.DoesNotContain(calendar, c => c.SittingOn.Month == 8);
    }

    [Fact]
    public async Task this_year_s_past_sittings_are_not_generated()
    {
        var generated = await Generate(Staff.PreCoordinator, Scenarios.Today.Year);

        var calendar = await Host.Calendar(Staff.PreCoordinator, $"?from={Scenarios.Today.Year}-01-01&to={Scenarios.Today.Year}-12-31");
        Assert.All(calendar, c => Assert.True(c.SittingOn >= Scenarios.Today));
        Assert.Equal(generated.Created, calendar.Count);
        Assert.Equal(22, generated.Created + generated.Past);
    }

    [Theory]
    [InlineData(nameof(Staff.SasEducator), null)]
    [InlineData(nameof(Staff.MdfWorker), null)]
    [InlineData(nameof(Staff.SchoolWorker), null)]
    [InlineData(nameof(Staff.SasCoordinator), CommitteeKind.PreTeam)]
    public async Task only_the_coordinators_of_the_owner_structures_generate_a_calendar(string worker, CommitteeKind? kind)
    {
        var body = kind is null ? (object)new { year = NextYear } : new { year = NextYear, kinds = new[] { kind.ToString() } };

        await Host.Refused("/api/committees/calendar", body, 403, StaffNamed(worker));

        Assert.Empty(await Host.Calendar(Staff.PreCoordinator, $"?from={NextYear}-01-01&to={NextYear}-12-31"));
    }

    [Fact]
    public async Task a_year_too_far_or_past_is_refused() =>
        await Host.Refused("/api/committees/calendar", new { year = Scenarios.Today.Year - 1 }, 422, Staff.SasCoordinator);

    [Fact]
    public async Task only_conveners_schedule_and_cancel_and_invited_members_get_403_while_others_get_404()
    {
        await Host.Refused("/api/committees", new { kind = "SasAdmission", sittingOn = Scenarios.Today.AddDays(7) }, 403, Staff.SasEducator);
        var id = await Host.SittingScheduled(CommitteeKind.SasAdmission);
        await Host.Done($"/api/committees/{id}/invitations", new { expectedVersion = 1, structures = new[] { Parcours.Reference.Structures.CollegeLesDunes } }, Staff.SasCoordinator);

        await Host.Refused($"/api/committees/{id}/cancellation", new { expectedVersion = 2, reason = "Je ne peux pas venir" }, 403, Staff.SchoolWorker);
        await Host.Refused($"/api/committees/{id}/cancellation", new { expectedVersion = 2, reason = "Annulée" }, 404, Staff.PjjEducator);
        await Host.Refused($"/api/committees/{id}/cancellation", new { expectedVersion = 2, reason = "Annulée" }, 404, Staff.CiteCoordinator);

        var cancelled = await Host.Done($"/api/committees/{id}/cancellation", new { expectedVersion = 2, reason = "Salle indisponible" }, Staff.SasCoordinator);
        Assert.Equal(3, cancelled.Version);
        var overview = await Host.Overview(id, Staff.SchoolWorker);
        Assert.Equal((CommitteeStatus.Cancelled, "Salle indisponible"), (overview.Status, overview.CancellationReason));
    }

    [Fact]
    public async Task a_sitting_is_moved_with_the_version_the_coordinator_saw_and_not_into_the_past()
    {
        var id = await Host.SittingScheduled();
        var url = $"/api/committees/{id}/reschedule";

        var (past, _) = await Host.Refused(url, new { expectedVersion = 1, sittingOn = Scenarios.Today.AddDays(-1), startsAt = "10:00:00", place = "Salle B" }, 422, Staff.CiteCoordinator);
        Assert.Contains("passé", past.Detail);
        Assert.Equal(["sittingOn"], past.Errors!.Keys);

        await Host.Done(url, new { expectedVersion = 1, sittingOn = Scenarios.Today.AddDays(21), startsAt = "10:00:00", place = "Salle B" }, Staff.CiteCoordinator);
        var (stale, _) = await Host.Refused(url, new { expectedVersion = 1, sittingOn = Scenarios.Today.AddDays(28), startsAt = "10:00:00", place = "Salle C" }, 409, Staff.SasCoordinator);
        Assert.Equal("Conflit", stale.Title);

        var overview = await Host.Overview(id, Staff.SasCoordinator);
        Assert.Equal((Scenarios.Today.AddDays(21), new TimeOnly(10, 0), "Salle B", 2L), (overview.SittingOn, overview.StartsAt, overview.Place, overview.Version));
    }

    [Fact]
    public async Task a_pre_team_without_a_neighbourhood_or_with_an_unknown_kind_is_a_bad_request()
    {
        await Host.Refused("/api/committees", new { kind = "PreTeam", sittingOn = Scenarios.Today.AddDays(7) }, 400, Staff.PreCoordinator);
        await Host.Refused("/api/committees", new { kind = "Banquet", sittingOn = Scenarios.Today.AddDays(7) }, 400, Staff.PreCoordinator);
        await Host.Refused("/api/committees", new { kind = "PreTeam", territoryCode = "BM", sittingOn = "pas une date" }, 400, Staff.PreCoordinator);
        await Host.Refused("/api/committees", new { kind = "PreTeam", territoryCode = "NULLE-PART", sittingOn = Scenarios.Today.AddDays(7) }, 400, Staff.PreCoordinator);

        var id = await Host.SittingScheduled(CommitteeKind.PreTeam, Staff.PreCoordinator, territory: "FNCSP");
        Assert.Equal("FNCSP", (await Host.Overview(id, Staff.PreCoordinator)).TerritoryCode);
    }

    [Fact]
    public async Task the_calendar_period_is_checked() =>
        await Host.Scenario(s =>
        {
            s.As(Staff.SasCoordinator);
            s.Get.Url("/api/committees?from=2027-05-01&to=2027-01-01");
            s.StatusCodeShouldBe(400);
        });

    private static Habilitation StaffNamed(string name) => (Habilitation)typeof(Staff).GetField(name)!.GetValue(null)!;
}
