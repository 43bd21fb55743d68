using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.GettingDetails;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Retention.ReadingArchives;

/// <summary>
/// The officer reads an archived pathway (the programme coordinator reads it through the ordinary
/// file). Only archived pathways: an active one answers like an unknown id. Special categories
/// (youth justice, health) stay withheld, as for any reader without the entitlement. Traced.
/// </summary>
public static class ArchivedFile
{
    public const string ReadAction = "retention.archive.read";
    public const string Ground = "archive:dpo";

    public static async Task<(PathwayDetails? File, Refusal? Refusal)> LoadAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, Guid pathwayId, DateOnly today, CancellationToken ct)
    {
        if (!RetentionAccess.Manages(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, ReadAction, "hidden", AuditOutcome.Refused, pathwayId), ct);
            return (null, RetentionAccess.OfficerOnly);
        }
        var file = await session.LoadAsync<PathwayFile>(pathwayId, ct);
        if (file is not { Archived: true })
        {
            await trail.RecordAsync(AuditEntry.By(worker, ReadAction, "hidden", AuditOutcome.Refused, pathwayId), ct);
            return (null, Refusal.NotFound());
        }
        await trail.RecordAsync(AuditEntry.By(worker, ReadAction, Ground, AuditOutcome.Allowed, pathwayId, file.PersonId), ct);
        var key = await session.LoadAsync<PersonKey>(file.PersonId, ct);
        var identity = vault.Open(key, await session.LoadAsync<SealedIdentity>(file.PersonId, ct));
        var grant = new PathwayGrant(PathwayView.Full, false, worker.Entitlements, Ground);
        var facts = await FileViewFacts.LoadAsync(session, worker, ct);
        return (FileView.Of(file, identity, text => vault.Decrypt(key, text), grant, facts, today), null);
    }
}

public static class GetArchiveEndpoint
{
    [WolverineGet("/api/retention/archives/{pathwayId}", OperationId = "getArchivedPathway")]
    public static async Task<IResult> Get(Guid pathwayId, CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, CancellationToken ct)
    {
        var (file, refusal) = await ArchivedFile.LoadAsync(session, vault, trail, worker, pathwayId, time.Today(), ct);
        return refusal is not null ? OutcomeResults.ToProblem(refusal) : Results.Ok(file);
    }
}
