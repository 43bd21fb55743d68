using System.Text.Json.Serialization;
using Marten;
using Npgsql;
using Parcours.Audit;
using Parcours.Documents;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Privacy.AccessRequests;

[JsonConverter(typeof(JsonStringEnumConverter<RequesterRelation>))]
public enum RequesterRelation
{
    Self,
    /// <summary>A holder of parental authority, for a minor.</summary>
    Parent,
    LegalRepresentative,
}

/// <summary>
/// An access request as recorded: the person, who asked (their name sealed with the person's key,
/// so erasing the person shreds it too), when, and who recorded it. The document itself is not
/// stored: it is built, decrypted, when the officer opens it, and each opening is traced.
/// </summary>
public sealed class AccessRequest
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public RequesterRelation Relation { get; set; }
    public EncryptedText? RequestedBy { get; set; }
    public DateOnly RequestedOn { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed record AccessRequestBody(Guid PersonId, string? RequestedBy, RequesterRelation? Relation);

public sealed record RecordAccessRequest(Guid RequestId, Guid PersonId, string? RequestedBy, RequesterRelation? Relation, CurrentWorker Actor);

/// <summary>A recorded request, as the officer's list shows it (no identity: the list is not an export).</summary>
public sealed record AccessRequestSummary(Guid Id, Guid PersonId, RequesterRelation Relation, DateOnly RequestedOn);

public static class AccessRequestHandler
{
    public const string RequestAction = "privacy.access-request";
    public const string ExportAction = "privacy.access-export";
    public const int RequesterMaxLength = 200;

    public static async Task<CommandOutcome> Handle(RecordAccessRequest command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        if (!Officer.Is(command.Actor))
        {
            AuditTrail.Record(session, AuditEntry.By(command.Actor, RequestAction, "rights", AuditOutcome.Refused, personId: command.PersonId));
            return CommandOutcome.Refused(Officer.OnlyOfficer);
        }
        if (command.Relation is not { } relation || !Enum.IsDefined(relation))
            return CommandOutcome.Refused(Refusal.Invalid("relation", "Indiquez qui fait la demande : « Self » (la personne), « Parent » ou « LegalRepresentative »."));
        if (relation != RequesterRelation.Self && string.IsNullOrWhiteSpace(command.RequestedBy))
            return CommandOutcome.Refused(Refusal.Invalid("requestedBy", "Indiquez le nom de la personne qui fait la demande."));
        if (command.RequestedBy is { Length: > RequesterMaxLength })
            return CommandOutcome.Refused(Refusal.Invalid("requestedBy", $"{RequesterMaxLength} caractères au plus."));

        var key = await session.LoadAsync<PersonKey>(command.PersonId, ct);
        var identity = vault.Open(key, await session.LoadAsync<SealedIdentity>(command.PersonId, ct));
        if (key is null || identity is null || await session.LoadAsync<Person>(command.PersonId, ct) is null)
            return CommandOutcome.Refused(Refusal.NotFound() with { Detail = "Personne introuvable (ou effacée) : aucune donnée n'est détenue." });

        var today = time.Today();
        if (relation == RequesterRelation.Parent && PathwayAccess.AdultOn(identity.BirthDate) is { } adultOn && today >= adultOn)
            return CommandOutcome.Refused(Refusal.Rule("La personne est majeure : elle exerce elle-même son droit d'accès, pas ses parents.", "relation"));

        session.Store(new AccessRequest
        {
            Id = command.RequestId,
            PersonId = command.PersonId,
            Relation = relation,
            RequestedBy = vault.EncryptOptional(key, string.IsNullOrWhiteSpace(command.RequestedBy) ? null : command.RequestedBy.Trim()),
            RequestedOn = today,
            RecordedBy = command.Actor.Id,
            RecordedAt = time.GetUtcNow(),
        });
        AuditTrail.Record(session, AuditEntry.By(command.Actor, RequestAction, "rights", AuditOutcome.Allowed, personId: command.PersonId));
        return new CommandOutcome(command.RequestId, 1, null);
    }

    /// <summary>The export of a request, decrypted for this answer only and traced; a refusal for anyone but the officer.</summary>
    public static async Task<(AccessExport? Export, Refusal? Refusal)> ExportAsync(IQuerySession session, PersonVault vault, NpgsqlDataSource dataSource,
        AuditTrail trail, CurrentWorker worker, Guid requestId, TimeProvider time, CancellationToken ct)
    {
        var request = await session.LoadAsync<AccessRequest>(requestId, ct);
        if (!Officer.Is(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, ExportAction, "rights", AuditOutcome.Refused, personId: request?.PersonId), ct);
            return (null, Officer.OnlyOfficer);
        }
        if (request is null) return (null, Refusal.NotFound());
        await trail.RecordAsync(AuditEntry.By(worker, ExportAction, "rights", AuditOutcome.Allowed, personId: request.PersonId), ct);
        var export = await AccessExports.BuildAsync(session, vault, dataSource, request, worker.DisplayName, time.GetUtcNow(), ct);
        return export is null ? (null, Refusal.NotFound() with { Detail = "Cette personne a été effacée : aucune donnée n'est plus détenue." }) : (export, null);
    }

    public static async Task<IReadOnlyList<AccessRequestSummary>> ListAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<AccessRequest>().OrderByDescending(r => r.RecordedAt).Take(200).ToListAsync(ct))
        .Select(r => new AccessRequestSummary(r.Id, r.PersonId, r.Relation, r.RequestedOn)).ToList();
}

public static class AccessRequestEndpoints
{
    [WolverinePost("/api/privacy/access-requests", OperationId = "recordAccessRequest")]
    public static async Task<IResult> Post(AccessRequestBody body, CurrentWorker worker, IMessageBus bus)
    {
        var id = Guid.NewGuid();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new RecordAccessRequest(id, body.PersonId, body.RequestedBy, body.Relation, worker));
        return outcome.ToCreatedResult($"/api/privacy/access-requests/{id}");
    }

    [WolverineGet("/api/privacy/access-requests", OperationId = "listAccessRequests")]
    public static async Task<IResult> List(CurrentWorker worker, IQuerySession session, CancellationToken ct) =>
        Officer.Is(worker) ? Results.Ok(await AccessRequestHandler.ListAsync(session, ct)) : OutcomeResults.ToProblem(Officer.OnlyOfficer);

    [WolverineGet("/api/privacy/access-requests/{id}", OperationId = "getAccessRequestDocument")]
    public static async Task<IResult> Document(Guid id, CurrentWorker worker, IQuerySession session, PersonVault vault, NpgsqlDataSource dataSource,
        AuditTrail trail, TimeProvider time, CancellationToken ct)
    {
        var (export, refusal) = await AccessRequestHandler.ExportAsync(session, vault, dataSource, trail, worker, id, time, ct);
        return refusal is not null ? OutcomeResults.ToProblem(refusal) : (await session.RenderAsync(TemplateCatalogue.AccessRequest, export!, ct)).ToResult();
    }

    [WolverineGet("/api/privacy/access-requests/{id}.json", OperationId = "getAccessRequestJson")]
    public static async Task<IResult> Json(Guid id, CurrentWorker worker, IQuerySession session, PersonVault vault, NpgsqlDataSource dataSource,
        AuditTrail trail, TimeProvider time, CancellationToken ct)
    {
        var (export, refusal) = await AccessRequestHandler.ExportAsync(session, vault, dataSource, trail, worker, id, time, ct);
        return refusal is not null ? OutcomeResults.ToProblem(refusal) : Results.Ok(export);
    }
}
