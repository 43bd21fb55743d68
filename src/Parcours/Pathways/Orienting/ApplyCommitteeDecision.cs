using Marten;
using Microsoft.Extensions.Options;
using Parcours.Committees;
using Parcours.Kernel;
using Parcours.Orientations;
using Parcours.Orientations.Reminding;
using Parcours.People.Vault;
using Wolverine;

namespace Parcours.Pathways.Orienting;

/// <summary>
/// A committee's decision, cascaded from the sitting to the pathway (stored in the outbox in the
/// decision's transaction). A system action: the committee's access rules were checked when it
/// was decided; here only the pathway's state matters.
/// </summary>
public sealed record ApplyCommitteeDecision(
    Guid PathwayId,
    Guid CommitteeId,
    Guid ItemId,
    CommitteeKind Kind,
    ItemOutcome Outcome,
    string? Destination,
    Guid? ReceivingStructureId,
    Guid? OrientationId,
    string? ExitOutcome,
    IReadOnlyList<PlannedActionSpec> Actions,
    EncryptedText? Rationale,
    DateOnly DecidedOn,
    Guid DecidedBy,
    DateTimeOffset DecidedAt)
{
    public static ApplyCommitteeDecision Of(ItemDecided e, CommitteeKind kind) => new(
        e.PathwayId, e.CommitteeId, e.ItemId, kind, e.Outcome, e.Destination, e.ReceivingStructureId, e.OrientationId,
        e.ExitOutcome, e.Actions, e.Rationale, e.DecidedOn, e.DecidedBy, e.DecidedAt);
}

public static class ApplyCommitteeDecisionHandler
{
    public static async Task<OutgoingMessages> Handle(ApplyCommitteeDecision message, IDocumentSession session, IOptions<OrientationOptions> options, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Pathway>(message.PathwayId, ct);
        var decision = Decide(stream.Aggregate, message, message.Actions.Select((_, i) => ActionIdFor(message.ItemId, i)).ToList());
        stream.AppendMany(decision.Events);

        var messages = new OutgoingMessages();
        if (decision.Events.OfType<OrientationProposed>().SingleOrDefault() is { } opened)
        {
            // Wolverine fires them on its own clock; their handlers check the delays again against ours.
            messages.Add(new RemindOrientation(opened.PathwayId, opened.OrientationId).ScheduledAt(opened.ProposedAt.AddDays(options.Value.ReminderAfterDays)));
            messages.Add(new ExpireOrientation(opened.PathwayId, opened.OrientationId).ScheduledAt(opened.ProposedAt.AddDays(options.Value.ExpiryAfterDays)));
        }
        return messages;
    }

    /// <summary>
    /// The id of the n-th action a team's decision plans: derived from the agenda item, so a
    /// message delivered twice finds its actions already planned and plans nothing more.
    /// </summary>
    public static Guid ActionIdFor(Guid itemId, int index)
    {
        var hash = System.Security.Cryptography.SHA256.HashData([.. itemId.ToByteArray(), .. BitConverter.GetBytes(index)]);
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// The pathway's events for the decision. Nothing when the pathway is unknown, sealed or closed
    /// (it changed since the agenda was built), restricted, or when this decision was applied already.
    /// </summary>
    public static Decision Decide(Pathway? pathway, ApplyCommitteeDecision m, IReadOnlyList<Guid> actionIds)
    {
        if (pathway is null || pathway.IsSealed || pathway.IsClosed || PathwayRules.NotFrozen(pathway) is not null) return Decision.Accept();
        if (m.OrientationId is { } existing && pathway.Orientations.ContainsKey(existing)) return Decision.Accept();
        if (actionIds.Any(pathway.Actions.ContainsKey)) return Decision.Accept();

        var events = new List<object>
        {
            new CommitteeDecisionRecorded(pathway.Id, m.CommitteeId, m.ItemId, m.Kind, m.Outcome, m.Destination, m.Rationale, m.DecidedOn, m.DecidedBy, m.DecidedAt),
        };
        switch (m.Outcome)
        {
            case ItemOutcome.Orient or ItemOutcome.ReferElsewhere when m.OrientationId is { } orientationId && m.Destination is { } destination:
                events.Add(new OrientationProposed(pathway.Id, orientationId, destination, m.DecidedOn, null, m.DecidedBy, m.DecidedAt, m.ReceivingStructureId, m.CommitteeId));
                break;
            case ItemOutcome.Continue:
                events.AddRange(m.Actions.Select((a, i) => new ActionPlanned(pathway.Id, actionIds[i], a.Category, a.Kind, m.DecidedOn, a.DueOn, null, m.DecidedBy, m.DecidedAt)));
                break;
            case ItemOutcome.Close when m.ExitOutcome is { } exit:
                var exitedOn = m.DecidedOn < pathway.StatusSince ? pathway.StatusSince : m.DecidedOn;
                events.Add(new PathwayExited(pathway.Id, exitedOn, exit, null, m.DecidedBy, m.DecidedAt));
                break;
        }
        return Decision.Accept([.. events]);
    }
}
