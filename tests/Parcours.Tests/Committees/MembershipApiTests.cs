using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parcours.Audit;
using Parcours.Committees;
using Parcours.Identity;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Committees;

/// <summary>Who sits on a sitting, the charter, attendance and the session's lifecycle, through the API.</summary>
public sealed class MembershipApiTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_partner_sees_a_sitting_only_once_their_structure_or_they_themselves_are_invited()
    {
        var id = await Host.SittingScheduled();

        await Host.NotFound(id, Staff.SchoolWorker);
        await Host.NotFound(id, Staff.FranceTravailAdviser);
        Assert.DoesNotContain(await Host.Calendar(Staff.SchoolWorker), c => c.Id == id);

        await Host.Done($"/api/committees/{id}/invitations",
            new { expectedVersion = 1, structures = new[] { Structures.CollegeLesDunes }, people = new[] { Staff.FranceTravailAdviser.Id } }, Staff.SasCoordinator);

        Assert.Contains(await Host.Calendar(Staff.SchoolWorker), c => c.Id == id && !c.Convenes);
        Assert.Contains(await Host.Calendar(Staff.FranceTravailAdviser), c => c.Id == id);
        var overview = await Host.Overview(id, Staff.FranceTravailAdviser);
        Assert.Contains(Structures.CollegeLesDunes, overview.InvitedStructures);
        Assert.Contains(Staff.FranceTravailAdviser.Id, overview.InvitedPeople);

        await Host.NotFound(id, Staff.PjjEducator);
        Assert.DoesNotContain(await Host.Calendar(Staff.PjjEducator), c => c.Id == id);
        // Statistics and administration never sit on a committee, whatever the invitation.
        Assert.Empty(await Host.Calendar(Staff.StatisticsCoordinator));
        await Host.NotFound(Guid.CreateVersion7(), Staff.SasCoordinator);
    }

    [Fact]
    public async Task someone_who_cannot_sit_on_committees_cannot_be_invited()
    {
        var id = await Host.SittingScheduled();

        await Host.Refused($"/api/committees/{id}/invitations", new { expectedVersion = 1, people = new[] { Staff.StatisticsCoordinator.Id } }, 422, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{id}/invitations", new { expectedVersion = 1, structures = new[] { Guid.CreateVersion7() } }, 422, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{id}/invitations", new { expectedVersion = 1 }, 400, Staff.SasCoordinator);
    }

    [Fact]
    public async Task an_invited_member_acknowledges_the_charter_once_and_it_is_traced()
    {
        var id = await Host.SittingScheduled();
        await Host.Done($"/api/committees/{id}/invitations", new { expectedVersion = 1, structures = new[] { Structures.CollegeLesDunes } }, Staff.SasCoordinator);

        await Host.Refused($"/api/committees/{id}/charter", new { }, 404, Staff.PjjEducator);
        var first = await Host.Done($"/api/committees/{id}/charter", new { }, Staff.SchoolWorker);
        var again = await Host.Done($"/api/committees/{id}/charter", new { }, Staff.SchoolWorker);

        Assert.Equal((3L, 3L), (first.Version, again.Version));
        var overview = await Host.Overview(id, Staff.SchoolWorker);
        Assert.Equal((1, true), (overview.CharterAcknowledgments, overview.CharterAcknowledgedByMe));
        Assert.False((await Host.Overview(id, Staff.SasCoordinator)).CharterAcknowledgedByMe);

        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select count(*) from {AuditSchema.Table} where action = 'committee.charter' and email = @email and purpose like @purpose");
        command.Parameters.AddWithValue("email", Staff.SchoolWorker.Email);
        command.Parameters.AddWithValue("purpose", $"%{id}%");
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task the_chair_records_attendance_closes_the_session_and_the_minutes_are_issued_after()
    {
        var id = await Host.SittingScheduled(inDays: 0);
        await Host.Done($"/api/committees/{id}/invitations", new { expectedVersion = 1, structures = new[] { Structures.CollegeLesDunes } }, Staff.SasCoordinator);

        await Host.Refused($"/api/committees/{id}/minutes", new { expectedVersion = 2 }, 422, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{id}/session", new { expectedVersion = 2 }, 403, Staff.SchoolWorker);
        await Host.Done($"/api/committees/{id}/session", new { expectedVersion = 2 }, Staff.CiteCoordinator);

        await Host.Refused($"/api/committees/{id}/attendance", new { expectedVersion = 3, habilitationId = Staff.SchoolWorker.Id, present = true }, 403, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{id}/attendance", new { expectedVersion = 3, habilitationId = Staff.PjjEducator.Id, present = true }, 422, Staff.CiteCoordinator);
        await Host.Done($"/api/committees/{id}/attendance", new { expectedVersion = 3, habilitationId = Staff.SchoolWorker.Id, present = true }, Staff.CiteCoordinator);
        await Host.Refused($"/api/committees/{id}/cancellation", new { expectedVersion = 4, reason = "Trop tard" }, 422, Staff.CiteCoordinator);

        await Host.Refused($"/api/committees/{id}/session/closing", new { expectedVersion = 4 }, 403, Staff.SasCoordinator);
        await Host.Done($"/api/committees/{id}/session/closing", new { expectedVersion = 4 }, Staff.CiteCoordinator);
        var minutes = await Host.Done($"/api/committees/{id}/minutes", new { expectedVersion = 5 }, Staff.SasCoordinator);

        Assert.Equal(6, minutes.Version);
        var overview = await Host.Overview(id, Staff.SchoolWorker);
        Assert.Equal((CommitteeStatus.Closed, 1, Staff.CiteCoordinator.Id), (overview.Status, overview.MinutesVersion, overview.ChairId));
        Assert.Equal([new Parcours.Committees.Reading.AttendanceLine(Staff.SchoolWorker.Id, Structures.CollegeLesDunes, true)], overview.Attendance);
    }

    [Fact]
    public async Task a_stale_version_is_a_conflict_for_every_change()
    {
        var id = await Host.SittingScheduled();
        await Host.Done($"/api/committees/{id}/invitations", new { expectedVersion = 1, structures = new[] { Structures.Pjj } }, Staff.SasCoordinator);

        await Host.Refused($"/api/committees/{id}/invitations", new { expectedVersion = 1, structures = new[] { Structures.Ccas } }, 409, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{id}/cancellation", new { expectedVersion = 1, reason = "Annulée" }, 409, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{id}/session", new { expectedVersion = 1 }, 409, Staff.SasCoordinator);
        // A stale version does not reveal a sitting to someone who does not sit on it.
        await Host.Refused($"/api/committees/{id}/session", new { expectedVersion = 1 }, 404, Staff.PreCoordinator);
    }
}
