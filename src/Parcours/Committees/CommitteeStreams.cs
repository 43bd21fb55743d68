using JasperFx;
using JasperFx.Events;
using Marten;
using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Committees;

/// <summary>
/// The one way committee commands touch a sitting's stream: fetch it for writing (at the version
/// the caller saw, if given), hide it from anyone who does not sit on it (404), refuse changes
/// to anyone who does not convene it unless <paramref name="membersMayAct"/> (a member's own
/// attendance or charter), run the pure decision, append its events.
/// </summary>
public static class CommitteeStreams
{
    public static readonly Refusal ConvenersOnly =
        Refusal.Forbidden("Seuls les coordinateurs qui organisent cette instance peuvent la modifier.");

    public static readonly Refusal StaleVersion =
        Refusal.Conflict("L'instance a été modifiée entre-temps par quelqu'un d'autre : rechargez la page avant de recommencer.");

    public static async Task<CommandOutcome> DecideAsync(
        this IDocumentSession session,
        Guid committeeId,
        long? expectedVersion,
        CurrentWorker worker,
        Func<Committee, Decision> decide,
        CancellationToken ct,
        bool membersMayAct = false)
    {
        IEventStream<Committee> stream;
        try
        {
            stream = expectedVersion is { } version
                ? await session.Events.FetchForWriting<Committee>(committeeId, version, ct)
                : await session.Events.FetchForWriting<Committee>(committeeId, ct);
        }
        catch (ConcurrencyException)
        {
            var current = await session.Events.AggregateStreamAsync<Committee>(committeeId, token: ct);
            return CommandOutcome.Refused(current is not null && CommitteeAccess.SitsOn(worker, current) ? StaleVersion : Refusal.NotFound());
        }

        if (stream.Aggregate is not { } committee || !CommitteeAccess.SitsOn(worker, committee)) return CommandOutcome.Refused(Refusal.NotFound());
        if (!membersMayAct && !CommitteeAccess.Convenes(worker, committee)) return CommandOutcome.Refused(ConvenersOnly);

        var decision = decide(committee);
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);
        stream.AppendMany(decision.Events);
        return new CommandOutcome(committeeId, (stream.StartingVersion ?? 0) + decision.Events.Count, null);
    }
}
