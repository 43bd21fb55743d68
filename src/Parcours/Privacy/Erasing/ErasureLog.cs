using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Privacy.Erasing;

public enum ErasureDecision
{
    Erased,
    Refused,
}

/// <summary>
/// One line of the officer's erasure register: an erasure (with its verification report) or a
/// refused request (with its legal reason). Ids, dates and counts only.
/// </summary>
public sealed class ErasureLogEntry
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public ErasureDecision Decision { get; set; }
    public ErasureGround Ground { get; set; }
    public DateOnly On { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The officer (habilitation id); null for the retention sweep.</summary>
    public Guid? By { get; set; }
    public string? LegalReason { get; set; }
    public int Pathways { get; set; }
    public int MaskedStreams { get; set; }
    public int EnvelopesScrubbed { get; set; }
    public VerificationReport? Report { get; set; }
}

/// <summary>Only the data-protection officer decides about erasure and reads the register.</summary>
public static class ErasureAccess
{
    public static bool MayDecide(CurrentWorker worker) => worker.Has(Role.DataProtectionOfficer);

    public static readonly Refusal OfficerOnly = Refusal.Forbidden("Seul le délégué à la protection des données décide des effacements.");
}

public static class ErasureLogEndpoints
{
    [WolverineGet("/api/privacy/erasures", OperationId = "listErasures")]
    public static async Task<IResult> List(CurrentWorker worker, IQuerySession session, CancellationToken ct) =>
        ErasureAccess.MayDecide(worker)
            ? Results.Ok(await ListAsync(session, ct))
            : OutcomeResults.ToProblem(ErasureAccess.OfficerOnly);

    [WolverineGet("/api/privacy/erasures/{id}", OperationId = "getErasure")]
    public static async Task<IResult> Get(Guid id, CurrentWorker worker, IQuerySession session, CancellationToken ct)
    {
        if (!ErasureAccess.MayDecide(worker)) return OutcomeResults.ToProblem(ErasureAccess.OfficerOnly);
        return await session.LoadAsync<ErasureLogEntry>(id, ct) is { } entry ? Results.Ok(entry) : OutcomeResults.ToProblem(Refusal.NotFound());
    }

    public static async Task<IReadOnlyList<ErasureLogEntry>> ListAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<ErasureLogEntry>().OrderByDescending(e => e.At).Take(500).ToListAsync(ct);
}
