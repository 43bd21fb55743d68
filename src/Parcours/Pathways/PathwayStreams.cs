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

/// <summary>What a decision may need of the pathway's person: a sealer for free text, and their birth date.</summary>
public sealed record CaseSubject(NoteSealer Seal, DateOnly? BirthDate)
{
    public DateOnly? AdultOn => PathwayAccess.AdultOn(BirthDate);

    public bool IsMinorOn(DateOnly day) => AdultOn is { } adult && day < adult;
}

/// <summary>
/// The one way pathway commands touch a stream: fetch it for writing at the version the caller
/// saw, hide it unless the worker may see it (404, like an unknown id), refuse it unless they may
/// change it (403), run the pure decision, append its events. The surrounding Wolverine
/// transaction commits them; a concurrent append then fails with 409.
/// </summary>
public static class PathwayStreams
{
    public static Task<CommandOutcome> DecideAsync(
        this IDocumentSession session,
        PersonVault vault,
        Guid pathwayId,
        long? expectedVersion,
        CurrentWorker worker,
        DateOnly today,
        Func<Pathway, NoteSealer, Decision> decide,
        CancellationToken ct) =>
        session.DecideWithSubjectAsync(vault, pathwayId, expectedVersion, worker, today, (pathway, subject) => decide(pathway, subject.Seal), ct);

    /// <summary>For decisions that need the person's birth date (consent, sharing about a minor).</summary>
    public static async Task<CommandOutcome> DecideWithSubjectAsync(
        this IDocumentSession session,
        PersonVault vault,
        Guid pathwayId,
        long? expectedVersion,
        CurrentWorker worker,
        DateOnly today,
        Func<Pathway, CaseSubject, Decision> decide,
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
            return await IsVisibleAsync(session, vault, pathwayId, worker, today, ct)
                ? CommandOutcome.Refused(Refusal.StaleVersion)
                : CommandOutcome.Refused(Refusal.NotFound());
        }

        if (stream.Aggregate is not { } pathway) return CommandOutcome.Refused(Refusal.NotFound());
        var key = await session.LoadAsync<PersonKey>(pathway.PersonId, ct);
        var birthDate = vault.Open(key, await session.LoadAsync<SealedIdentity>(pathway.PersonId, ct))?.BirthDate;
        var grant = PathwayAccess.For(worker, pathway, today, PathwayAccess.AdultOn(birthDate));
        if (!grant.Sees) return CommandOutcome.Refused(Refusal.NotFound());
        if (!grant.MayAct) return CommandOutcome.Refused(Refusal.ReferentOnly);

        NoteSealer seal = text => key is null ? null : vault.EncryptOptional(key, text);
        var decision = decide(pathway, new CaseSubject(seal, birthDate));
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);

        stream.AppendMany(decision.Events);
        return new CommandOutcome(pathwayId, (stream.StartingVersion ?? 0) + decision.Events.Count, null);
    }

    private static async Task<bool> IsVisibleAsync(IDocumentSession session, PersonVault vault, Guid pathwayId, CurrentWorker worker, DateOnly today, CancellationToken ct)
    {
        if (await session.LoadAsync<PathwayFile>(pathwayId, ct) is not { } file) return false;
        var birthDate = vault.Open(await session.LoadAsync<PersonKey>(file.PersonId, ct), await session.LoadAsync<SealedIdentity>(file.PersonId, ct))?.BirthDate;
        return PathwayAccess.For(worker, file, today, PathwayAccess.AdultOn(birthDate)).Sees;
    }
}
