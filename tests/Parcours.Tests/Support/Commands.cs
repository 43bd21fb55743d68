using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Accepting;
using Parcours.Pathways.Exiting;
using Parcours.Pathways.Orienting;
using Parcours.Pathways.Planning;
using Parcours.Pathways.Reviewing;
using Parcours.Pathways.Starting;
using Parcours.Pathways.Suspending;
using Parcours.Reference;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Support;

/// <summary>
/// Every pathway command as a pure decision with valid arguments, dated by the caller: the
/// statuses in which it is allowed, the event it produces and the name of its date field.
/// </summary>
public sealed record PathwayCommand(string Name, string DateField, Type Produces, PathwayStatus[] AllowedIn, Func<Pathway, DateOnly, Decision> Decide)
{
    public static readonly IReadOnlyList<CodeListItem> ActionCategories =
        ReferenceSeed.Codes.Where(c => c.List == CodeLists.ActionCategory).ToList();

    public static readonly IReadOnlyDictionary<string, PathwayCommand> All = new PathwayCommand[]
    {
        new("accept-referral", "acceptedOn", typeof(ReferralAccepted), [PathwayStatus.Referred],
            (p, on) => AcceptReferralHandler.Decide(p, new AcceptReferral(PathwayId, null, on, Worker), Today, Now)),
        new("decline-referral", "declinedOn", typeof(ReferralDeclined), [PathwayStatus.Referred],
            (p, on) => DeclineReferralHandler.Decide(p, new DeclineReferral(PathwayId, null, on, "HORS-CRITERES", null, Worker), true, Today, Now, Seal)),
        new("start-accompaniment", "startedOn", typeof(AccompanimentStarted), [PathwayStatus.Accepted],
            (p, on) => StartAccompanimentHandler.Decide(p, new StartAccompaniment(PathwayId, null, on, Staff.PreCoordinator.Id, Worker), Staff.PreCoordinator, Today, Now)),
        new("plan-action", "plannedOn", typeof(ActionPlanned), [PathwayStatus.Accepted, PathwayStatus.Active],
            (p, on) => PlanActionHandler.Decide(p, new PlanAction(PathwayId, null, Guid.CreateVersion7(), "SANTE", "Orthophonie", on, null, null, Worker), ActionCategories, Today, Now, Seal)),
        new("complete-action", "completedOn", typeof(ActionCompleted), [PathwayStatus.Active],
            (p, on) => CompleteActionHandler.Decide(p, new CompleteAction(PathwayId, null, ActionId, on, null, Worker), Today, Now, Seal)),
        new("cancel-action", "cancelledOn", typeof(ActionCancelled), [PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended],
            (p, on) => CancelActionHandler.Decide(p, new CancelAction(PathwayId, null, ActionId, on, Worker), Today, Now)),
        new("record-review", "reviewedOn", typeof(ReviewRecorded), [PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended],
            (p, on) => RecordReviewHandler.Decide(p, new RecordReview(PathwayId, null, on, "Point d'étape en équipe.", Worker), Today, Now, Seal)),
        new("propose-orientation", "proposedOn", typeof(OrientationProposed),
            [PathwayStatus.Referred, PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended],
            (p, on) => ProposeOrientationHandler.Decide(p, new ProposeOrientation(PathwayId, null, Guid.CreateVersion7(), "CEJ", on, null, Worker), true, Today, Now, Seal)),
        new("accept-orientation", "acceptedOn", typeof(OrientationAccepted),
            [PathwayStatus.Referred, PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended],
            (p, on) => AcceptOrientationHandler.Decide(p, new AcceptOrientation(PathwayId, null, OrientationId, on, Worker), Today, Now)),
        new("refuse-orientation", "refusedOn", typeof(OrientationRefused),
            [PathwayStatus.Referred, PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended],
            (p, on) => RefuseOrientationHandler.Decide(p, new RefuseOrientation(PathwayId, null, OrientationId, on, "COMPLET", null, Worker), true, Today, Now, Seal)),
        new("suspend", "suspendedOn", typeof(PathwaySuspended), [PathwayStatus.Active],
            (p, on) => SuspendPathwayHandler.Decide(p, new SuspendPathway(PathwayId, null, on, "HOSPITALISATION", null, Worker), true, Today, Now, Seal)),
        new("resume", "resumedOn", typeof(PathwayResumed), [PathwayStatus.Suspended],
            (p, on) => ResumePathwayHandler.Decide(p, new ResumePathway(PathwayId, null, on, Worker), Today, Now)),
        new("exit", "exitedOn", typeof(PathwayExited), [PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended],
            (p, on) => ExitPathwayHandler.Decide(p, new ExitPathway(PathwayId, null, on, "RETOUR-SCOLARITE", null, Worker), true, Today, Now, Seal)),
        new("reopen", "reopenedOn", typeof(PathwayReopened), [PathwayStatus.Exited],
            (p, on) => ReopenPathwayHandler.Decide(p, new ReopenPathway(PathwayId, null, on, null, Worker), Today, Now, Seal)),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>Every command against every status.</summary>
    public static TheoryData<string, PathwayStatus> EveryStatus
    {
        get
        {
            var data = new TheoryData<string, PathwayStatus>();
            foreach (var name in All.Keys)
            foreach (var status in Enum.GetValues<PathwayStatus>())
                data.Add(name, status);
            return data;
        }
    }
}
