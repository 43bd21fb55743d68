using Marten;
using Npgsql;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Wolverine.Http;

namespace Parcours.Audit.Searching;

/// <summary>One access to a file, as its coordinator reads it: who, when, what, allowed or not.</summary>
public sealed record CaseAccess(DateTimeOffset At, string? Professional, string? Email, string Action, string Purpose, AuditOutcome Outcome);

/// <summary>
/// The access history of a pathway file — part of the person's file. The referent structure's
/// programme coordinator reads it (reading it is traced); anyone else gets the 404 of a file
/// that does not exist.
/// </summary>
public static class AccessHistory
{
    public const int Limit = 200;

    public static bool MayRead(CurrentWorker worker, PathwayGrant grant) =>
        grant.Ground == "referent" && worker.Has(Role.ProgrammeCoordinator);

    public static async Task<IReadOnlyList<CaseAccess>?> LoadAsync(IQuerySession session, NpgsqlDataSource dataSource, AuditTrail trail,
        CurrentWorker worker, Guid pathwayId, DateOnly today, CancellationToken ct)
    {
        var file = await session.LoadAsync<PathwayFile>(pathwayId, ct);
        var grant = file is null ? PathwayGrant.None : PathwayAccess.For(worker, file, today, adultOn: null);
        var allowed = MayRead(worker, grant);
        await trail.RecordAsync(AuditEntry.By(worker, "pathway.access-history", allowed ? "coordination" : "hidden",
            allowed ? AuditOutcome.Allowed : AuditOutcome.Refused, pathwayId, file?.PersonId), ct);
        if (!allowed) return null;

        var entries = (await AuditSearch.ReadAsync(dataSource, new AuditFilter(CaseId: pathwayId), ct)).Entries.Take(Limit).ToList();
        var emails = entries.Select(e => e.Email).OfType<string>().Distinct().ToArray();
        var names = (await session.Query<Habilitation>().Where(h => emails.Contains(h.Email)).ToListAsync(ct))
            .GroupBy(h => h.Email).ToDictionary(g => g.Key, g => g.First().DisplayName);
        return entries.Select(e => new CaseAccess(e.At, e.Email is { } email ? names.GetValueOrDefault(email) : null, e.Email, e.Action, e.Purpose, e.Outcome))
            .ToList();
    }
}

public static class GetAccessHistoryEndpoint
{
    [WolverineGet("/api/pathways/{pathwayId}/access-history", OperationId = "getAccessHistory")]
    public static async Task<IResult> Get(Guid pathwayId, CurrentWorker worker, IQuerySession session, NpgsqlDataSource dataSource, AuditTrail trail,
        TimeProvider time, CancellationToken ct) =>
        await AccessHistory.LoadAsync(session, dataSource, trail, worker, pathwayId, time.Today(), ct) is { } history
            ? Results.Ok(history)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
