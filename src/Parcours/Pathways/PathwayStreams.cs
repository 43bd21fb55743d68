using JasperFx;
using JasperFx.Events;
using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Pathways.Reading;

namespace Parcours.Pathways;

/// <summary>Encrypts a free-text note with the pathway's person key (null stays null).</summary>
public delegate EncryptedText? NoteSealer(string? text);

/// <summary>
/// The one way pathway commands touch a stream: fetch it for writing at the version the caller
/// saw, hide it unless the worker may act on it, run the pure decision, append its events.
/// The surrounding Wolverine transaction commits them; a concurrent append then fails with 409.
/// </summary>
public static class PathwayStreams
{
    public static async Task<CommandOutcome> DecideAsync(
        this IDocumentSession session,
        PersonVault vault,
        Guid pathwayId,
        long? expectedVersion,
        CurrentWorker worker,
        Func<Pathway, NoteSealer, Decision> decide,
        CancellationToken ct)
    {
        IEventStream<Pathway> stream;
        try
        {
            stream = expectedVersion is { } version
                ? await session.Events.FetchForWriting<Pathway>(pathwayId, version, ct)
                : await session.Events.FetchForWriting<Pathway>(pathwayId, ct);
        }
        catch (ConcurrencyException)
        {
            return await IsVisibleAsync(session, pathwayId, worker, ct)
                ? CommandOutcome.Refused(Refusal.StaleVersion)
                : CommandOutcome.Refused(Refusal.NotFound());
        }

        if (stream.Aggregate is not { } pathway || !PathwayAccess.CanAct(worker, pathway))
        {
            return CommandOutcome.Refused(Refusal.NotFound());
        }

        var key = await session.LoadAsync<PersonKey>(pathway.PersonId, ct);
        NoteSealer seal = text => key is null ? null : vault.EncryptOptional(key, text);
        var decision = decide(pathway, seal);
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);

        stream.AppendMany(decision.Events);
        return new CommandOutcome(pathwayId, (stream.StartingVersion ?? 0) + decision.Events.Count, null);
    }

    private static async Task<bool> IsVisibleAsync(IDocumentSession session, Guid pathwayId, CurrentWorker worker, CancellationToken ct) =>
        await session.LoadAsync<PathwayFile>(pathwayId, ct) is { } file && PathwayAccess.CanSee(worker, file.ReferentStructureId);
}
