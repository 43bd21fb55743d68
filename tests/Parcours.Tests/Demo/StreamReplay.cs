using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Accepting;
using Parcours.Pathways.Consenting;
using Parcours.Pathways.Sharing;
using Parcours.Pathways.Exiting;
using Parcours.Pathways.Orienting;
using Parcours.Pathways.Planning;
using Parcours.Pathways.Reviewing;
using Parcours.Pathways.Starting;
using Parcours.Pathways.Suspending;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Tests.Demo;

/// <summary>
/// Replays a generated pathway stream through the real command decisions: each event after the
/// referral is turned back into the command a worker would have sent, on the pathway as it
/// stood, and must be accepted. So the demo holds only histories the application could produce.
/// </summary>
public static class StreamReplay
{
    public sealed record Step(DateOnly On, Guid By, DateTimeOffset At);

    public static Step Describe(object e) => e switch
    {
        PathwayReferred x => new(x.ReferredOn, x.ReferredBy, x.ReferredAt),
        ReferralAccepted x => new(x.AcceptedOn, x.AcceptedBy, x.AcceptedAt),
        ReferralDeclined x => new(x.DeclinedOn, x.DeclinedBy, x.DeclinedAt),
        AccompanimentStarted x => new(x.StartedOn, x.StartedBy, x.StartedAt),
        ActionPlanned x => new(x.PlannedOn, x.PlannedBy, x.PlannedAt),
        ActionCompleted x => new(x.CompletedOn, x.CompletedBy, x.CompletedAt),
        ActionCancelled x => new(x.CancelledOn, x.CancelledBy, x.CancelledAt),
        ReviewRecorded x => new(x.ReviewedOn, x.ReviewedBy, x.ReviewedAt),
        OrientationProposed x => new(x.ProposedOn, x.ProposedBy, x.ProposedAt),
        OrientationAccepted x => new(x.AcceptedOn, x.AcceptedBy, x.AcceptedAt),
        OrientationRefused x => new(x.RefusedOn, x.RefusedBy, x.RefusedAt),
        PathwaySuspended x => new(x.SuspendedOn, x.SuspendedBy, x.SuspendedAt),
        PathwayResumed x => new(x.ResumedOn, x.ResumedBy, x.ResumedAt),
        PathwayExited x => new(x.ExitedOn, x.ExitedBy, x.ExitedAt),
        PathwayReopened x => new(x.ReopenedOn, x.ReopenedBy, x.ReopenedAt),
        ParentsInformed x => new(x.InformedOn, x.RecordedBy, x.RecordedAt),
        ConsentRecorded x => new(x.GivenOn, x.RecordedBy, x.RecordedAt),
        ConsentWithdrawn x => new(x.WithdrawnOn, x.RecordedBy, x.RecordedAt),
        TeamMemberAdded x => new(x.AddedOn, x.AddedBy, x.AddedAt),
        _ => throw new ArgumentException($"Not a pathway event: {e.GetType().Name}"),
    };

    /// <summary>
    /// The pathway after its events, or the first event its command would have refused. Sharing
    /// commands are decided as of their own day, about a person born on <paramref name="birthDate"/>.
    /// </summary>
    public static (Pathway? Pathway, string? Violation) Replay(IReadOnlyList<object> events, DateOnly today, DateOnly? birthDate = null)
    {
        if (events.Count == 0 || events[0] is not PathwayReferred referred) return (null, "the stream does not start with a referral");
        var pathway = Pathway.Create(referred);
        foreach (var e in events.Skip(1))
        {
            var decision = Decide(pathway, e, today, birthDate);
            if (decision.Refusal is { } refusal) return (pathway, $"{e.GetType().Name} on {Describe(e).On}: {refusal.Detail}");
            if (decision.Events.Single().GetType() != e.GetType()) return (pathway, $"{e.GetType().Name} decided as {decision.Events.Single().GetType().Name}");
            pathway = Apply(pathway, e);
        }
        return (pathway, null);
    }

    public static CurrentWorker Worker(Guid id)
    {
        var member = Staff.All.Single(s => s.Id == id);
        return CurrentWorker.Of(member);
    }

    private static Decision Decide(Pathway p, object e, DateOnly today, DateOnly? birthDate)
    {
        var now = DateTimeOffset.UtcNow;
        NoteSealer seal = text => text is null ? null : new EncryptedText(text);
        var subject = new CaseSubject(seal, birthDate);
        return e switch
        {
            ReferralAccepted x => AcceptReferralHandler.Decide(p, new AcceptReferral(p.Id, null, x.AcceptedOn, Worker(x.AcceptedBy)), today, now),
            ReferralDeclined x => DeclineReferralHandler.Decide(p, new DeclineReferral(p.Id, null, x.DeclinedOn, x.ReasonCode, Text(x.Note), Worker(x.DeclinedBy)),
                Exists(CodeLists.DeclineReason, x.ReasonCode), today, now, seal),
            AccompanimentStarted x => StartAccompanimentHandler.Decide(p, new StartAccompaniment(p.Id, null, x.StartedOn, x.ReferentWorkerId, Worker(x.StartedBy)),
                Staff.All.SingleOrDefault(s => s.Id == x.ReferentWorkerId), today, now),
            ActionPlanned x => PlanActionHandler.Decide(p, new PlanAction(p.Id, null, x.ActionId, x.Category, x.Kind, x.PlannedOn, x.DueOn, Text(x.Note), Worker(x.PlannedBy)),
                ReferenceSeed.Codes.Where(c => c.List == CodeLists.ActionCategory).ToList(), today, now, seal),
            ActionCompleted x => CompleteActionHandler.Decide(p, new CompleteAction(p.Id, null, x.ActionId, x.CompletedOn, Text(x.Note), Worker(x.CompletedBy)), today, now, seal),
            ActionCancelled x => CancelActionHandler.Decide(p, new CancelAction(p.Id, null, x.ActionId, x.CancelledOn, Worker(x.CancelledBy)), today, now),
            ReviewRecorded x => RecordReviewHandler.Decide(p, new RecordReview(p.Id, null, x.ReviewedOn, Text(x.Summary)!, Worker(x.ReviewedBy)), today, now, seal),
            OrientationProposed x => ProposeOrientationHandler.Decide(p,
                new ProposeOrientation(p.Id, null, x.OrientationId, x.Destination, x.ProposedOn, Text(x.Note), Worker(x.ProposedBy)),
                Exists(CodeLists.Destination, x.Destination), today, now, seal),
            OrientationAccepted x => AcceptOrientationHandler.Decide(p, new AcceptOrientation(p.Id, null, x.OrientationId, x.AcceptedOn, Worker(x.AcceptedBy)), today, now),
            OrientationRefused x => RefuseOrientationHandler.Decide(p,
                new RefuseOrientation(p.Id, null, x.OrientationId, x.RefusedOn, x.ReasonCode, Text(x.Note), Worker(x.RefusedBy)),
                Exists(CodeLists.OrientationRefusalReason, x.ReasonCode), today, now, seal),
            PathwaySuspended x => SuspendPathwayHandler.Decide(p, new SuspendPathway(p.Id, null, x.SuspendedOn, x.ReasonCode, Text(x.Note), Worker(x.SuspendedBy)),
                Exists(CodeLists.SuspensionReason, x.ReasonCode), today, now, seal),
            PathwayResumed x => ResumePathwayHandler.Decide(p, new ResumePathway(p.Id, null, x.ResumedOn, Worker(x.ResumedBy)), today, now),
            PathwayExited x => ExitPathwayHandler.Decide(p, new ExitPathway(p.Id, null, x.ExitedOn, x.Outcome, Text(x.Note), Worker(x.ExitedBy)),
                Exists(CodeLists.ExitOutcome, x.Outcome), today, now, seal),
            PathwayReopened x => ReopenPathwayHandler.Decide(p, new ReopenPathway(p.Id, null, x.ReopenedOn, Text(x.Reason), Worker(x.ReopenedBy)), today, now, seal),
            ParentsInformed x => RecordParentsInformedHandler.Decide(p, new RecordParentsInformed(p.Id, null, x.InformedOn, x.Mode, Text(x.Note), Worker(x.RecordedBy)),
                subject, x.InformedOn, now),
            ConsentRecorded x => RecordConsentHandler.Decide(p,
                new RecordConsent(p.Id, null, x.ConsentId, x.Purpose, x.Structures, x.GivenBy, x.Mode, x.GivenOn, x.ExpiresOn, Text(x.MinorView), Worker(x.RecordedBy)),
                Structures.All.Select(s => s.Id).ToHashSet(), subject, x.GivenOn, now),
            ConsentWithdrawn x => WithdrawConsentHandler.Decide(p, new WithdrawConsent(p.Id, null, x.ConsentId, x.WithdrawnOn, Text(x.Note), Worker(x.RecordedBy)),
                x.WithdrawnOn, now, seal),
            TeamMemberAdded x => AddTeamMemberHandler.Decide(p, new AddTeamMember(p.Id, null, x.StructureId, x.Purpose, Worker(x.AddedBy)),
                Structures.All.SingleOrDefault(s => s.Id == x.StructureId), subject, x.AddedOn, now),
            _ => Refusal.Invalid("event", $"unexpected {e.GetType().Name}"),
        };
    }

    private static bool Exists(string list, string code) => ReferenceSeed.Codes.Any(c => c.List == list && c.Code == code && c.Active);

    /// <summary>The clear text behind the tests' transparent seal ("personId|text").</summary>
    public static string? Text(EncryptedText? text) => text?.Cipher[(text.Cipher.IndexOf('|') + 1)..];

    private static Pathway Apply(Pathway p, object e) => e switch
    {
        ReferralAccepted x => p.Apply(x),
        ReferralDeclined x => p.Apply(x),
        AccompanimentStarted x => p.Apply(x),
        ActionPlanned x => p.Apply(x),
        ActionCompleted x => p.Apply(x),
        ActionCancelled x => p.Apply(x),
        ReviewRecorded x => p.Apply(x),
        OrientationProposed x => p.Apply(x),
        OrientationAccepted x => p.Apply(x),
        OrientationRefused x => p.Apply(x),
        PathwaySuspended x => p.Apply(x),
        PathwayResumed x => p.Apply(x),
        PathwayExited x => p.Apply(x),
        PathwayReopened x => p.Apply(x),
        ParentsInformed x => p.Apply(x),
        ConsentRecorded x => p.Apply(x),
        ConsentWithdrawn x => p.Apply(x),
        TeamMemberAdded x => p.Apply(x),
        _ => throw new ArgumentException(e.GetType().Name),
    };
}
