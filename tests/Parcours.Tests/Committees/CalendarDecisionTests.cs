using Parcours.Committees;
using Parcours.Committees.Scheduling;
using Parcours.Identity;
using Parcours.Reference;
using static Parcours.Tests.Committees.CalendarHistory;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Committees;

/// <summary>Scheduling, moving and cancelling a sitting: given events, when a command, then events or a refusal.</summary>
public sealed class CalendarDecisionTests
{
    private static readonly Territory BeauMarais = ReferenceSeed.Territories.Single(t => t.Id == "BM");
    private static readonly Territory Greuze = ReferenceSeed.Territories.Single(t => t.Id == "BM-GREUZE-VADEZ");

    private static ScheduleCommittee Schedule(CommitteeKind kind, CurrentWorker by, int inDays = 7, string? territory = null, string? place = null) =>
        new(CommitteeId, kind, territory, CalendarHistory.Today.AddDays(inDays), null, place, by);

    private static Parcours.Kernel.Decision DecideSchedule(ScheduleCommittee command, Territory? territory = null) =>
        ScheduleCommitteeHandler.Decide(command, territory, new CalendarSettings(), CalendarHistory.Today, CalendarHistory.Now);

    [Fact]
    public void a_mutualised_committee_belongs_to_both_sas_coluche_and_la_fabrique_defi_with_the_usual_time_and_place()
    {
        var scheduled = Then<CommitteeScheduled>(DecideSchedule(Schedule(CommitteeKind.MutualisedAdmission, CiteCoordinator)));

        Assert.Equal([Structures.SasColuche, Structures.FabriqueDefi], scheduled.OwnerStructures);
        Assert.Equal((new TimeOnly(14, 0), new CalendarSettings().MutualisedAdmission.Place), (scheduled.StartsAt, scheduled.Place));
    }

    [Theory]
    [InlineData(nameof(Staff.SasEducator), CommitteeKind.SasAdmission)]
    [InlineData(nameof(Staff.PreCoordinator), CommitteeKind.SasAdmission)]
    [InlineData(nameof(Staff.SasCoordinator), CommitteeKind.CiteAdults)]
    [InlineData(nameof(Staff.MdfWorker), CommitteeKind.MutualisedAdmission)]
    public void only_the_coordinators_of_its_owner_structures_schedule_a_sitting(string worker, CommitteeKind kind)
    {
        var habilitation = (Habilitation)typeof(Staff).GetField(worker)!.GetValue(null)!;

        Refused(DecideSchedule(Schedule(kind, CurrentWorker.Of(habilitation))), 403);
    }

    [Fact]
    public void a_sitting_cannot_be_scheduled_in_the_past() =>
        Refused(DecideSchedule(Schedule(CommitteeKind.SasAdmission, SasCoordinator, inDays: -1)), 422, "sittingOn");

    [Fact]
    public void a_pre_team_sits_for_a_priority_neighbourhood_not_a_sub_sector()
    {
        var pre = CurrentWorker.Of(Staff.PreCoordinator);

        Refused(DecideSchedule(Schedule(CommitteeKind.PreTeam, pre)), 400, "territoryCode");
        Refused(DecideSchedule(Schedule(CommitteeKind.PreTeam, pre, territory: Greuze.Id), Greuze), 422, "territoryCode");
        Assert.Equal("BM", Then<CommitteeScheduled>(DecideSchedule(Schedule(CommitteeKind.PreTeam, pre, territory: "BM"), BeauMarais)).TerritoryCode);
    }

    [Fact]
    public void an_admission_committee_has_no_neighbourhood() =>
        Refused(DecideSchedule(Schedule(CommitteeKind.SasAdmission, SasCoordinator, territory: "BM"), BeauMarais), 400, "territoryCode");

    [Fact]
    public void rescheduling_moves_the_sitting_but_not_into_the_past()
    {
        var committee = Sitting(Scheduled());
        RescheduleCommittee Move(int inDays) => new(CommitteeId, 1, CalendarHistory.Today.AddDays(inDays), new TimeOnly(9, 0), "Salle B", SasCoordinator);

        Assert.Equal(CalendarHistory.Today.AddDays(20), Then<CommitteeRescheduled>(RescheduleCommitteeHandler.Decide(committee, Move(20), null, CalendarHistory.Today, CalendarHistory.Now)).SittingOn);
        Refused(RescheduleCommitteeHandler.Decide(committee, Move(-3), null, CalendarHistory.Today, CalendarHistory.Now), 422, "sittingOn");
    }

    [Fact]
    public void a_pre_team_cannot_be_moved_to_a_day_its_neighbourhood_is_no_longer_a_priority_one()
    {
        var committee = Sitting(Scheduled(CommitteeKind.PreTeam));
        var leaving = new Territory { Id = "BM", Label = "Beau Marais", Kind = TerritoryKind.Qpv, ValidFrom = new DateOnly(2015, 1, 1), ValidTo = CalendarHistory.Today.AddDays(30) };
        RescheduleCommittee Move(int inDays) => new(CommitteeId, null, CalendarHistory.Today.AddDays(inDays), new TimeOnly(9, 0), "Salle B", CurrentWorker.Of(Staff.PreCoordinator));

        Then<CommitteeRescheduled>(RescheduleCommitteeHandler.Decide(committee, Move(20), leaving, CalendarHistory.Today, CalendarHistory.Now));
        Refused(RescheduleCommitteeHandler.Decide(committee, Move(40), leaving, CalendarHistory.Today, CalendarHistory.Now), 422, "territoryCode");
    }

    [Fact]
    public void a_sitting_in_session_closed_or_cancelled_cannot_be_moved()
    {
        var move = new RescheduleCommittee(CommitteeId, null, CalendarHistory.Today.AddDays(20), new TimeOnly(9, 0), "Salle B", SasCoordinator);

        foreach (var committee in new[] { Sitting(Scheduled(), Opened()), Sitting(Scheduled(), Opened(), Closed()), Sitting(Scheduled(), Cancelled()) })
        {
            Refused(RescheduleCommitteeHandler.Decide(committee, move, null, CalendarHistory.Today, CalendarHistory.Now), 422);
        }
    }

    [Fact]
    public void cancelling_needs_a_reason_and_is_impossible_once_the_session_has_opened()
    {
        CancelCommittee Cancel(string? reason) => new(CommitteeId, null, reason, SasCoordinator);

        Assert.Equal("Grève des transports", Then<CommitteeCancelled>(CancelCommitteeHandler.Decide(Sitting(Scheduled()), Cancel(" Grève des transports "), CalendarHistory.Now)).Reason);
        Refused(CancelCommitteeHandler.Decide(Sitting(Scheduled()), Cancel("  "), CalendarHistory.Now), 400, "reason");
        Refused(CancelCommitteeHandler.Decide(Sitting(Scheduled(), Opened()), Cancel("Trop tard"), CalendarHistory.Now), 422);
        Refused(CancelCommitteeHandler.Decide(Sitting(Scheduled(), Cancelled()), Cancel("Encore"), CalendarHistory.Now), 422);
    }
}
