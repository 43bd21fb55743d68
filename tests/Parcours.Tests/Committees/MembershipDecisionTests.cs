using Parcours.Committees;
using Parcours.Committees.Attending;
using Parcours.Committees.Holding;
using Parcours.Committees.Inviting;
using Parcours.Identity;
using Parcours.Reference;
using static Parcours.Tests.Committees.CalendarHistory;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Committees;

/// <summary>Invitations, attendance, the charter and the session's lifecycle: given events, when a command, then events or a refusal.</summary>
public sealed class MembershipDecisionTests
{
    private static readonly HashSet<Guid> KnownStructures = [.. Structures.All.Select(s => s.Id)];

    private static Parcours.Kernel.Decision Invite(Committee committee, Guid[] structures, params Habilitation[] people) =>
        InviteMembersHandler.Decide(committee, new InviteMembers(CommitteeId, null, structures, [.. people.Select(p => p.Id)], SasCoordinator),
            KnownStructures, people, CalendarHistory.Now);

    [Fact]
    public void invitations_add_only_structures_and_people_not_yet_invited()
    {
        var committee = Sitting(Scheduled(), Invited(Structures.CollegeLesDunes));

        var invited = Then<CommitteeMembersInvited>(Invite(committee, [Structures.CollegeLesDunes, Structures.Pjj], Staff.FranceTravailAdviser));

        Assert.Equal([Structures.Pjj], invited.Structures);
        Assert.Equal([Staff.FranceTravailAdviser.Id], invited.People);
        Assert.Empty(Invite(Sitting(Scheduled(), Invited(Structures.CollegeLesDunes)), [Structures.CollegeLesDunes]).Events);
    }

    [Fact]
    public void an_unknown_structure_or_someone_who_does_not_sit_on_committees_cannot_be_invited()
    {
        var committee = Sitting(Scheduled());

        Refused(Invite(committee, [Guid.CreateVersion7()]), 422, "structures");
        Refused(Invite(committee, [], Staff.StatisticsCoordinator), 422, "people");
        var revoked = new Habilitation { Id = Guid.CreateVersion7(), DisplayName = "Ancien membre", StructureId = Structures.Ccas, Roles = [Role.CommitteeMember], Active = false };
        Refused(Invite(committee, [], revoked), 422, "people");
        Refused(Invite(committee, []), 400, "structures");
    }

    [Fact]
    public void nobody_is_invited_to_a_closed_or_cancelled_sitting()
    {
        Refused(Invite(Sitting(Scheduled(), Cancelled()), [Structures.Pjj]), 422);
        Refused(Invite(Sitting(Scheduled(), Opened(), Closed()), [Structures.Pjj]), 422);
    }

    [Fact]
    public void attendance_is_recorded_for_invited_members_only_and_by_the_chair_once_the_session_is_open()
    {
        var committee = Sitting(Scheduled(), Invited(Structures.CollegeLesDunes), Opened());
        RecordAttendance By(CurrentWorker actor) => new(CommitteeId, null, Staff.SchoolWorker.Id, true, actor);

        var recorded = Then<AttendanceRecorded>(RecordAttendanceHandler.Decide(committee, By(SasCoordinator), Staff.SchoolWorker, CalendarHistory.Now));
        Assert.Equal((Structures.CollegeLesDunes, true), (recorded.StructureId, recorded.Present));

        Refused(RecordAttendanceHandler.Decide(committee, By(CiteCoordinator), Staff.SchoolWorker, CalendarHistory.Now), 403);
        Refused(RecordAttendanceHandler.Decide(committee, By(SasCoordinator), Staff.PjjEducator, CalendarHistory.Now), 422, "habilitationId");
    }

    [Fact]
    public void a_member_acknowledges_the_charter_once_for_themself()
    {
        var member = CurrentWorker.Of(Staff.SchoolWorker);
        var committee = Sitting(Scheduled(), Invited());

        var acknowledged = Then<CharterAcknowledged>(AcknowledgeCharterHandler.Decide(committee, member, CalendarHistory.Now));
        Assert.Equal((Staff.SchoolWorker.Id, CommitteeAccess.CharterVersion), (acknowledged.HabilitationId, acknowledged.CharterVersion));

        var again = AcknowledgeCharterHandler.Decide(Sitting(Scheduled(), Invited(), acknowledged), member, CalendarHistory.Now);
        Assert.Null(again.Refusal);
        Assert.Empty(again.Events);
        Refused(AcknowledgeCharterHandler.Decide(Sitting(Scheduled(), Cancelled()), member, CalendarHistory.Now), 422);
    }

    [Fact]
    public void the_convener_who_opens_the_session_chairs_it()
    {
        var opened = Then<SessionOpened>(OpenSessionHandler.Decide(Sitting(Scheduled()), CiteCoordinator, CalendarHistory.Now));

        Assert.Equal(CiteCoordinator.Id, opened.ChairId);
        Refused(OpenSessionHandler.Decide(Sitting(Scheduled(), Opened()), CiteCoordinator, CalendarHistory.Now), 422);
        Refused(OpenSessionHandler.Decide(Sitting(Scheduled(), Cancelled()), CiteCoordinator, CalendarHistory.Now), 422);
    }

    [Fact]
    public void the_session_closes_only_when_every_listed_item_is_decided_or_withdrawn_and_only_by_its_chair()
    {
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        var committee = Sitting(Scheduled(), Listed(first), Listed(second), Opened());

        var refusal = Refused(CloseSessionHandler.Decide(committee, SasCoordinator, CalendarHistory.Now), 422);
        Assert.StartsWith("2 points", refusal.Detail);
        Refused(CloseSessionHandler.Decide(Sitting(Scheduled(), Opened()), CiteCoordinator, CalendarHistory.Now), 403);

        var cleared = Sitting(Scheduled(), Listed(first), Listed(second), new AgendaItemWithdrawn(CommitteeId, first, SasCoordinator.Id, CalendarHistory.Now),
            new AgendaItemWithdrawn(CommitteeId, second, SasCoordinator.Id, CalendarHistory.Now), Opened());
        Then<SessionClosed>(CloseSessionHandler.Decide(cleared, SasCoordinator, CalendarHistory.Now));
    }

    [Fact]
    public void minutes_are_issued_after_closing_each_issue_a_new_version()
    {
        Refused(IssueMinutesHandler.Decide(Sitting(Scheduled(), Opened()), SasCoordinator, CalendarHistory.Now), 422);

        var first = Then<MinutesIssued>(IssueMinutesHandler.Decide(Sitting(Scheduled(), Opened(), Closed()), SasCoordinator, CalendarHistory.Now));
        var second = Then<MinutesIssued>(IssueMinutesHandler.Decide(Sitting(Scheduled(), Opened(), Closed(), first), SasCoordinator, CalendarHistory.Now));

        Assert.Equal((1, 2), (first.Version, second.Version));
    }
}
