using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Pathways.GettingDetails;

public sealed record PersonSummary(Guid Id, string? FirstName, string? LastName, DateOnly? BirthDate, Sex Sex);

public sealed record TimelineItem(DateOnly On, string Kind, string? Code, string? Text, Guid By, DateTimeOffset At);

public sealed record ActionItem(Guid ActionId, string Category, string Kind, DateOnly PlannedOn, DateOnly? DueOn, ActionStatus Status, DateOnly? DoneOn, string? Note);

/// <summary>A consent of the ledger; <see cref="CountsToday"/> says whether it still allows anything.</summary>
public sealed record ConsentItem(
    Guid ConsentId,
    ConsentPurpose Purpose,
    IReadOnlyList<Guid> Structures,
    ConsentGiver GivenBy,
    ConsentMode Mode,
    DateOnly GivenOn,
    DateOnly? ExpiresOn,
    DateOnly? WithdrawnOn,
    string? MinorView,
    bool CountsToday);

/// <summary>A team member and the consent that lets it see the case today (none: it no longer sees it).</summary>
public sealed record TeamMemberItem(Guid StructureId, ConsentPurpose Purpose, DateOnly AddedOn, Guid? CoveringConsentId);

/// <summary>The consent ledger and the case team, in the full view only.</summary>
public sealed record SharingDetails(
    bool IsMinor,
    IReadOnlyList<ConsentItem> Consents,
    IReadOnlyList<TeamMemberItem> Team,
    DateOnly? ParentsInformedOn,
    DateOnly? ExceptionJustifiedOn);

/// <summary>How the woman may be contacted: only in a sealed (Maison des Femmes) file, only inside it.</summary>
public sealed record SafeContactDetails(SafeContactMode Mode, string? Instructions);

/// <summary>
/// The pathway file as one worker may read it: <see cref="View"/> says how much (full or summary),
/// <see cref="MayAct"/> whether they may change it. What the view leaves out is absent or null,
/// never masked in place, so nothing reveals that it exists.
/// </summary>
public sealed record PathwayDetails(
    Guid Id,
    long Version,
    PathwayView View,
    bool MayAct,
    PersonSummary Person,
    string Programme,
    string? Track,
    PathwayStatus Status,
    DateOnly ReferredOn,
    string? ReferralSource,
    Guid? ReferringStructureId,
    string TerritoryCode,
    Guid ReferentStructureId,
    Guid? ReferentWorkerId,
    string AgeBand,
    string? Reason,
    DateOnly LastDate,
    string? Outcome,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<OrientationLine> Orientations,
    IReadOnlyList<TimelineItem> Timeline,
    SharingDetails? Sharing,
    SafeContactDetails? SafeContact,
    bool Restricted = false,
    DateOnly? IdentityRectifiedOn = null)
{
    public const string ReadAction = "pathway.read";

    /// <summary>
    /// Loads a file as the worker may read it, or null when it does not exist or is hidden from them.
    /// The JSON API and the page both read through here; every answer is traced, refusals alike
    /// (an unknown id and a hidden one leave the same entry).
    /// </summary>
    public static async Task<PathwayDetails?> LoadAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, Guid id, DateOnly today, CancellationToken ct)
    {
        var file = await session.LoadAsync<PathwayFile>(id, ct);
        if (file is null)
        {
            await trail.RecordAsync(AuditEntry.By(worker, ReadAction, PathwayGrant.None.Ground, AuditOutcome.Refused, id), ct);
            return null;
        }

        // Everything else the view needs, in one round trip; nothing of it leaves unless the worker sees the file.
        var batch = session.CreateBatchQuery();
        var keyLoaded = batch.Load<PersonKey>(file.PersonId);
        var identityLoaded = batch.Load<SealedIdentity>(file.PersonId);
        var personLoaded = batch.Load<People.Person>(file.PersonId);
        var factsLoaded = FileViewFacts.Load(batch, worker);
        await batch.Execute(ct);
        var key = await keyLoaded;
        var identity = vault.Open(key, await identityLoaded);
        var grant = PathwayAccess.For(worker, file, today, PathwayAccess.AdultOn(identity?.BirthDate));
        if (!grant.Sees)
        {
            await trail.RecordAsync(AuditEntry.By(worker, ReadAction, grant.Ground, AuditOutcome.Refused, id), ct);
            return null;
        }

        await trail.RecordAsync(AuditEntry.By(worker, ReadAction, grant.Ground, AuditOutcome.Allowed, id, file.PersonId), ct);
        var facts = await factsLoaded;
        var person = await personLoaded;
        return FileView.Of(file, identity, text => vault.Decrypt(key, text), grant, facts, today) with { IdentityRectifiedOn = person?.RectifiedOn };
    }
}

public static class GetPathwayEndpoint
{
    [WolverineGet("/api/pathways/{pathwayId}", OperationId = "getPathway")]
    public static async Task<IResult> Get(Guid pathwayId, CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, CancellationToken ct) =>
        await PathwayDetails.LoadAsync(session, vault, trail, worker, pathwayId, time.Today(), ct) is { } details
            ? Results.Ok(details)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
