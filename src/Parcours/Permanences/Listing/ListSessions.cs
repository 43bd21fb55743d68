using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Permanences.Listing;

/// <summary>The Maison des Femmes' permanence sessions, newest first (a year at a time).</summary>
public static class ListSessions
{
    public static async Task<IReadOnlyList<PermanenceSessionView>> ForAsync(IQuerySession session, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await session.Query<PermanenceSessionView>()
            .Where(s => s.StructureId == PermanenceAccess.Structure && s.HeldOn >= from && s.HeldOn <= to)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.RecordedAt)
            .ToListAsync(ct);
    }
}

public static class ListSessionsEndpoint
{
    /// <summary><c>GET /api/permanences?year=2026</c>: the sessions held in the year (default: the current one).</summary>
    [WolverineGet("/api/permanences", OperationId = "listPermanenceSessions")]
    public static async Task<IResult> Get(int? year, CurrentWorker worker, IQuerySession session, TimeProvider time, CancellationToken ct)
    {
        if (!PermanenceAccess.MayRecord(worker)) return OutcomeResults.ToProblem(Refusal.NotFound());
        var chosen = year ?? time.Today().Year;
        if (chosen is < 2000 or > 2100) return OutcomeResults.ToProblem(Refusal.Invalid("year", "L'année doit être comprise entre 2000 et 2100."));
        return Results.Ok(await ListSessions.ForAsync(session, chosen, ct));
    }
}

public static class GetSessionEndpoint
{
    [WolverineGet("/api/permanences/{sessionId}", OperationId = "getPermanenceSession")]
    public static async Task<IResult> Get(Guid sessionId, CurrentWorker worker, IQuerySession session, CancellationToken ct)
    {
        if (!PermanenceAccess.MayRecord(worker)) return OutcomeResults.ToProblem(Refusal.NotFound());
        return await session.LoadAsync<PermanenceSessionView>(sessionId, ct) is { } view && view.StructureId == PermanenceAccess.Structure
            ? Results.Ok(view)
            : OutcomeResults.ToProblem(Refusal.NotFound());
    }
}
