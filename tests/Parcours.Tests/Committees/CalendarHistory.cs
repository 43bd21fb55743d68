using Parcours.Committees;
using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Tests.Committees;

/// <summary>Given-events for the pure decisions of the calendar and the sitting's lifecycle, on a fixed day.</summary>
public static class CalendarHistory
{
    public static readonly DateOnly Today = new(2027, 3, 1);
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));
    public static readonly Guid CommitteeId = Guid.Parse("0196d000-0000-7000-8000-000000000001");
    public static readonly CurrentWorker SasCoordinator = CurrentWorker.Of(Staff.SasCoordinator);
    public static readonly CurrentWorker CiteCoordinator = CurrentWorker.Of(Staff.CiteCoordinator);

    public static CommitteeScheduled Scheduled(CommitteeKind kind = CommitteeKind.MutualisedAdmission, int inDays = 14) =>
        new(CommitteeId, kind, kind == CommitteeKind.PreTeam ? "BM" : null, Today.AddDays(inDays), new TimeOnly(14, 0), "Salle des commissions",
            CommitteeKinds.OwnersOf(kind), SasCoordinator.Id, Now);

    public static CommitteeMembersInvited Invited(params Guid[] structures) =>
        new(CommitteeId, structures.Length == 0 ? [Structures.CollegeLesDunes] : structures, [], SasCoordinator.Id, Now);

    public static SessionOpened Opened(Guid? chair = null) => new(CommitteeId, chair ?? SasCoordinator.Id, Now);
    public static SessionClosed Closed() => new(CommitteeId, SasCoordinator.Id, Now);
    public static CommitteeCancelled Cancelled() => new(CommitteeId, "Salle indisponible", SasCoordinator.Id, Now);
    public static AgendaItemAdded Listed(Guid itemId) => new(CommitteeId, itemId, Guid.CreateVersion7(), AgendaReason.AwaitingOrientation, SasCoordinator.Id, Now);

    public static Committee Sitting(params object[] events) =>
        events.Aggregate((Committee?)null, (committee, e) => e switch
        {
            CommitteeScheduled x => Committee.Create(x),
            CommitteeRescheduled x => committee!.Apply(x),
            CommitteeCancelled x => committee!.Apply(x),
            CommitteeMembersInvited x => committee!.Apply(x),
            AgendaItemAdded x => committee!.Apply(x),
            AgendaItemWithdrawn x => committee!.Apply(x),
            CharterAcknowledged x => committee!.Apply(x),
            SessionOpened x => committee!.Apply(x),
            SessionClosed x => committee!.Apply(x),
            MinutesIssued x => committee!.Apply(x),
            _ => throw new ArgumentException($"No Apply for {e.GetType().Name}"),
        })!;
}
