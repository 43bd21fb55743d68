using Marten;
using Microsoft.Extensions.Options;
using Parcours.Kernel;
using Parcours.Pathways;

namespace Parcours.Orientations.Reminding;

/// <summary>Scheduled when a committee opens an orientation: remind the receiving structure if it has not answered.</summary>
public sealed record RemindOrientation(Guid PathwayId, Guid OrientationId);

/// <summary>Scheduled when a committee opens an orientation: let it lapse if it is still unanswered.</summary>
public sealed record ExpireOrientation(Guid PathwayId, Guid OrientationId);

/// <summary>
/// The handlers check again, against the application's clock, that the delay has passed and that
/// the orientation still waits for an answer: early or late, answered or not, they are safe to run.
/// </summary>
public static class OrientationDeadlineHandler
{
    public static async Task Handle(RemindOrientation message, IDocumentSession session, TimeProvider time, IOptions<OrientationOptions> options, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Pathway>(message.PathwayId, ct);
        stream.AppendMany(Remind(stream.Aggregate, message.OrientationId, options.Value, time.Today(), time.GetUtcNow()).Events);
    }

    public static async Task Handle(ExpireOrientation message, IDocumentSession session, TimeProvider time, IOptions<OrientationOptions> options, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Pathway>(message.PathwayId, ct);
        stream.AppendMany(Expire(stream.Aggregate, message.OrientationId, options.Value, time.Today(), time.GetUtcNow()).Events);
    }

    public static Decision Remind(Pathway? pathway, Guid orientationId, OrientationOptions options, DateOnly today, DateTimeOffset now) =>
        Waiting(pathway, orientationId) is { Reminded: false } orientation && today >= orientation.ProposedOn.AddDays(options.ReminderAfterDays)
            ? Decision.Accept(new OrientationReminded(pathway!.Id, orientationId, today, now))
            : Decision.Accept();

    public static Decision Expire(Pathway? pathway, Guid orientationId, OrientationOptions options, DateOnly today, DateTimeOffset now) =>
        Waiting(pathway, orientationId) is { } orientation && today >= orientation.ProposedOn.AddDays(options.ExpiryAfterDays)
            ? Decision.Accept(new OrientationExpired(pathway!.Id, orientationId, today, now))
            : Decision.Accept();

    private static OrientationState? Waiting(Pathway? pathway, Guid orientationId) =>
        pathway is { IsClosed: false } && PathwayRules.NotFrozen(pathway) is null && pathway.Orientations.TryGetValue(orientationId, out var orientation) && orientation.Status == OrientationStatus.Pending
            ? orientation
            : null;
}
