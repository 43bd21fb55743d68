using System.Text.Json.Serialization;
using Parcours.Identity;

namespace Parcours.Audit;

[JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))]
public enum AuditOutcome
{
    Allowed,
    Refused,
}

/// <summary>
/// One line of the access trail: who, which case or person, what and why, and whether it was
/// allowed. Never any case content. The time, the id and the hashes are set by the database.
/// </summary>
public sealed record AuditEntry(
    Guid? WorkerId,
    string? Email,
    Guid? StructureId,
    Guid? CaseId,
    Guid? PersonId,
    string Action,
    string Purpose,
    AuditOutcome Outcome)
{
    public static AuditEntry By(CurrentWorker? worker, string action, string purpose, AuditOutcome outcome, Guid? caseId = null, Guid? personId = null) =>
        new(worker?.Id, worker?.Email, worker?.StructureId, caseId, personId, action, purpose, outcome);
}

/// <summary>An entry as stored, for the officer's search and the verifier.</summary>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    Guid? WorkerId,
    string? Email,
    Guid? StructureId,
    Guid? CaseId,
    Guid? PersonId,
    string Action,
    string Purpose,
    AuditOutcome Outcome,
    string PreviousHash,
    string Hash);
