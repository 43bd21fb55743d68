using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Consenting;

/// <summary>
/// Records a consent in the pathway's ledger: its purpose (and the structures it names), who gave
/// it, how, when and until when. For a minor the holders of parental authority give it and the
/// minor's own view is recorded; an adult gives it themself.
/// </summary>
public sealed record RecordConsent(
    Guid PathwayId,
    long? ExpectedVersion,
    Guid ConsentId,
    ConsentPurpose Purpose,
    IReadOnlyList<Guid>? Structures,
    ConsentGiver GivenBy,
    ConsentMode Mode,
    DateOnly GivenOn,
    DateOnly? ExpiresOn,
    string? MinorView,
    CurrentWorker Actor);

public sealed record RecordConsentRequest(
    long? ExpectedVersion,
    ConsentPurpose Purpose,
    IReadOnlyList<Guid>? Structures,
    ConsentGiver GivenBy,
    ConsentMode Mode,
    DateOnly GivenOn,
    DateOnly? ExpiresOn,
    string? MinorView);

public static class RecordConsentHandler
{
    public static async Task<CommandOutcome> Handle(RecordConsent command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var ids = (command.Structures ?? []).Distinct().ToArray();
        var known = (await session.LoadManyAsync<Structure>(ct, ids)).Select(s => s.Id).ToHashSet();
        return await session.DecideWithSubjectAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, subject) => Decide(pathway, command, known, subject, time.Today(), time.GetUtcNow()), ct, "consent.recorded");
    }

    /// <summary>Purposes that name the structures they allow.</summary>
    public static bool NamesStructures(ConsentPurpose purpose) => purpose is ConsentPurpose.TeamSharing or ConsentPurpose.Orientation;

    public static Decision Decide(Pathway pathway, RecordConsent c, IReadOnlySet<Guid> knownStructures, CaseSubject subject, DateOnly today, DateTimeOffset now)
    {
        var structures = (c.Structures ?? []).Distinct().ToList();
        var invalid =
            (Enum.IsDefined(c.Purpose) ? null : Refusal.Invalid("purpose", "Finalité inconnue."))
            ?? (Enum.IsDefined(c.GivenBy) ? null : Refusal.Invalid("givenBy", "Indiquez qui a donné le consentement."))
            ?? (Enum.IsDefined(c.Mode) ? null : Refusal.Invalid("mode", "Indiquez si le consentement est écrit ou oral."))
            ?? (NamesStructures(c.Purpose) && structures.Count == 0
                ? Refusal.Invalid("structures", "Indiquez la ou les structures concernées par ce consentement.")
                : null)
            ?? (!NamesStructures(c.Purpose) && structures.Count > 0
                ? Refusal.Invalid("structures", "Cette finalité ne nomme pas de structure.")
                : null)
            ?? (structures.All(knownStructures.Contains) ? null : Refusal.Invalid("structures", "Structure inconnue."))
            ?? (structures.Contains(pathway.ReferentStructureId)
                ? Refusal.Invalid("structures", "La structure référente suit déjà le parcours : elle n'a pas besoin de consentement pour le voir.")
                : null)
            ?? (c.GivenOn == default ? Refusal.Invalid("givenOn", "La date est obligatoire.") : null)
            ?? PathwayRules.NotInFuture(c.GivenOn, today, "givenOn")
            ?? (c.ExpiresOn is { } expiry && expiry < c.GivenOn ? Refusal.Invalid("expiresOn", "L'échéance ne peut pas précéder la date du consentement.") : null)
            ?? PathwayRules.TooLong(c.MinorView, "minorView");
        if (invalid is not null) return invalid;
        if (PathwayRules.NotClosed(pathway) is { } closed) return closed;
        if (subject.BirthDate is null) return Refusal.Rule("L'identité de la personne a été effacée : aucun consentement ne peut plus être enregistré.");

        if (subject.IsMinorOn(c.GivenOn))
        {
            if (c.GivenBy != ConsentGiver.ParentalAuthority)
            {
                return Refusal.Rule("La personne est mineure : le consentement est donné par les titulaires de l'autorité parentale.", "givenBy");
            }
            if (string.IsNullOrWhiteSpace(c.MinorView))
            {
                return Refusal.Rule("Pour un mineur, notez son propre avis (ou pourquoi il n'a pas pu être recueilli).", "minorView");
            }
        }
        else
        {
            if (c.GivenBy == ConsentGiver.ParentalAuthority)
            {
                return Refusal.Rule("La personne est majeure : seul son propre consentement compte, pas celui de ses parents.", "givenBy");
            }
            if (!string.IsNullOrWhiteSpace(c.MinorView)) return Refusal.Invalid("minorView", "L'avis du mineur ne concerne qu'une personne mineure.");
        }
        if (pathway.Sharing.Consents.Any(x => x.ConsentId == c.ConsentId)) return Refusal.Conflict("Ce consentement est déjà enregistré.");

        return Decision.Accept(new ConsentRecorded(pathway.Id, c.ConsentId, c.Purpose, structures, c.GivenBy, c.Mode, c.GivenOn, c.ExpiresOn,
            subject.Seal(c.MinorView), c.Actor.Id, now));
    }
}

public static class RecordConsentEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/consents", OperationId = "recordConsent")]
    public static async Task<IResult> Post(Guid pathwayId, RecordConsentRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var consentId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new RecordConsent(pathwayId, request.ExpectedVersion, consentId, request.Purpose, request.Structures,
            request.GivenBy, request.Mode, request.GivenOn, request.ExpiresOn, request.MinorView, worker));
        return outcome.ToCreatedResult($"/api/pathways/{pathwayId}/consents/{consentId}");
    }
}
