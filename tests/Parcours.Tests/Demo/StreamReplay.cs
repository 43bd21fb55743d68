using Parcours.Pathways;

namespace Parcours.Tests.Demo;

/// <summary>
/// Replays a pathway stream through the write model, checking before each event that the
/// pathway's status allowed it (the transitions the commands enforce).
/// </summary>
public static class StreamReplay
{
    public sealed record Step(object Event, DateOnly On, Guid By, DateTimeOffset At);

    public static Step Describe(object e) => e switch
    {
        PathwayReferred x => new(x, x.ReferredOn, x.ReferredBy, x.ReferredAt),
        ReferralAccepted x => new(x, x.AcceptedOn, x.AcceptedBy, x.AcceptedAt),
        ReferralDeclined x => new(x, x.DeclinedOn, x.DeclinedBy, x.DeclinedAt),
        AccompanimentStarted x => new(x, x.StartedOn, x.StartedBy, x.StartedAt),
        ActionPlanned x => new(x, x.PlannedOn, x.PlannedBy, x.PlannedAt),
        ActionCompleted x => new(x, x.CompletedOn, x.CompletedBy, x.CompletedAt),
        ActionCancelled x => new(x, x.CancelledOn, x.CancelledBy, x.CancelledAt),
        ReviewRecorded x => new(x, x.ReviewedOn, x.ReviewedBy, x.ReviewedAt),
        OrientationProposed x => new(x, x.ProposedOn, x.ProposedBy, x.ProposedAt),
        OrientationAccepted x => new(x, x.AcceptedOn, x.AcceptedBy, x.AcceptedAt),
        OrientationRefused x => new(x, x.RefusedOn, x.RefusedBy, x.RefusedAt),
        PathwaySuspended x => new(x, x.SuspendedOn, x.SuspendedBy, x.SuspendedAt),
        PathwayResumed x => new(x, x.ResumedOn, x.ResumedBy, x.ResumedAt),
        PathwayExited x => new(x, x.ExitedOn, x.ExitedBy, x.ExitedAt),
        PathwayReopened x => new(x, x.ReopenedOn, x.ReopenedBy, x.ReopenedAt),
        _ => throw new ArgumentException($"Not a pathway event: {e.GetType().Name}"),
    };

    /// <summary>The pathway after its events, or the first transition its status did not allow.</summary>
    public static (Pathway? Pathway, string? Violation) Replay(IReadOnlyList<object> events)
    {
        if (events.Count == 0 || events[0] is not PathwayReferred referred) return (null, "the stream does not start with a referral");
        var pathway = Pathway.Create(referred);
        foreach (var e in events.Skip(1))
        {
            if (!Allowed(pathway, e)) return (pathway, $"{e.GetType().Name} while {pathway.Status}");
            pathway = Apply(pathway, e);
        }
        return (pathway, null);
    }

    private static bool Allowed(Pathway p, object e) => e switch
    {
        ReferralAccepted or ReferralDeclined => p.Status == PathwayStatus.Referred,
        AccompanimentStarted => p.Status == PathwayStatus.Accepted,
        ActionPlanned x => p.Status is PathwayStatus.Accepted or PathwayStatus.Active && !p.Actions.ContainsKey(x.ActionId),
        ActionCompleted x => !p.IsClosed && IsPlanned(p, x.ActionId),
        ActionCancelled x => !p.IsClosed && IsPlanned(p, x.ActionId),
        ReviewRecorded => p.Status is PathwayStatus.Active or PathwayStatus.Suspended,
        OrientationProposed => p.Status == PathwayStatus.Active,
        OrientationAccepted x => !p.IsClosed && p.PendingOrientations.Contains(x.OrientationId),
        OrientationRefused x => !p.IsClosed && p.PendingOrientations.Contains(x.OrientationId),
        PathwaySuspended => p.Status == PathwayStatus.Active,
        PathwayResumed => p.Status == PathwayStatus.Suspended,
        PathwayExited => p.Status is PathwayStatus.Active or PathwayStatus.Suspended,
        PathwayReopened => p.Status == PathwayStatus.Exited,
        _ => false,
    };

    private static bool IsPlanned(Pathway p, Guid action) => p.Actions.TryGetValue(action, out var status) && status == ActionStatus.Planned;

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
        _ => throw new ArgumentException(e.GetType().Name),
    };
}
