using JasperFx;
using JasperFx.Events;
using Marten;
using Parcours.Audit;
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
        CancellationToken ct,
        string? auditAction = null) =>
        session.DecideWithSubjectAsync(vault, pathwayId, expectedVersion, worker, today, (pathway, subject) => decide(pathway, subject.Seal), ct, auditAction);

    /// <summary>
    /// For decisions that need the person's birth date (consent, sharing about a minor). Refusals
    /// of a hidden or read-only case are traced; so is the change itself when <paramref name="auditAction"/>
    /// names it (consent and team changes), in the same transaction as its events.
    /// </summary>
    public static async Task<CommandOutcome> DecideWithSubjectAsync(
        this IDocumentSession session,
        PersonVault vault,
        Guid pathwayId,
        long? expectedVersion,
        CurrentWorker worker,
        DateOnly today,
        Func<Pathway, CaseSubject, Decision> decide,
        CancellationToken ct,
        string? auditAction = null)
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
            if (await IsVisibleAsync(session, vault, pathwayId, worker, today, ct)) return CommandOutcome.Refused(Refusal.StaleVersion);
            return Hidden(session, worker, pathwayId);
        }

        if (stream.Aggregate is not { } pathway) return Hidden(session, worker, pathwayId);
        var (key, birthDate) = await PersonOfAsync(session, vault, pathway.PersonId, ct);
        var grant = PathwayAccess.For(worker, pathway, today, PathwayAccess.AdultOn(birthDate));
        if (!grant.Sees) return Hidden(session, worker, pathwayId);
        if (PathwayRules.NotFrozen(pathway) is { } frozen)
        {
            AuditTrail.Record(session, AuditEntry.By(worker, ChangeAction, grant.Ground, AuditOutcome.Refused, pathwayId, pathway.PersonId));
            return CommandOutcome.Refused(frozen);
        }
        if (!grant.MayAct)
        {
            AuditTrail.Record(session, AuditEntry.By(worker, ChangeAction, grant.Ground, AuditOutcome.Refused, pathwayId, pathway.PersonId));
            return CommandOutcome.Refused(Refusal.ReferentOnly);
        }

        NoteSealer seal = text => key is null ? null : vault.EncryptOptional(key, text);
        var decision = decide(pathway, new CaseSubject(seal, birthDate));
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);

        stream.AppendMany(decision.Events);
        if (auditAction is not null) AuditTrail.Record(session, AuditEntry.By(worker, auditAction, grant.Ground, AuditOutcome.Allowed, pathwayId, pathway.PersonId));
        return new CommandOutcome(pathwayId, (stream.StartingVersion ?? 0) + decision.Events.Count, null);
    }

    /// <summary>The action the trail records for a refused change.</summary>
    public const string ChangeAction = "pathway.change";

    /// <summary>A hidden or unknown case: traced, then answered like any unknown id.</summary>
    private static CommandOutcome Hidden(IDocumentSession session, CurrentWorker worker, Guid pathwayId)
    {
        AuditTrail.Record(session, AuditEntry.By(worker, ChangeAction, PathwayGrant.None.Ground, AuditOutcome.Refused, pathwayId));
        return CommandOutcome.Refused(Refusal.NotFound());
    }

    private static async Task<bool> IsVisibleAsync(IDocumentSession session, PersonVault vault, Guid pathwayId, CurrentWorker worker, DateOnly today, CancellationToken ct)
    {
        if (await session.LoadAsync<PathwayFile>(pathwayId, ct) is not { } file) return false;
        var (_, birthDate) = await PersonOfAsync(session, vault, file.PersonId, ct);
        return PathwayAccess.For(worker, file, today, PathwayAccess.AdultOn(birthDate)).Sees;
    }

    /// <summary>The person's data key (to seal notes) and birth date (minority decides some shares); null once erased.</summary>
    private static async Task<(PersonKey? Key, DateOnly? BirthDate)> PersonOfAsync(IDocumentSession session, PersonVault vault, Guid personId, CancellationToken ct)
    {
        var (key, identity) = await vault.LoadAsync(session, personId, ct);
        return (key, identity?.BirthDate);
    }
}
