using Marten;
using Parcours.Identity;
using Wolverine.Http;

namespace Parcours.Reference.Listing;

/// <summary>The partner organisations ("structures"), by name.</summary>
public static class ListStructuresEndpoint
{
    [WolverineGet("/api/reference/structures", OperationId = "listStructures")]
    public static async Task<IReadOnlyList<Structure>> Get(CurrentWorker worker, IQuerySession session, CancellationToken ct) =>
        await session.Query<Structure>().OrderBy(s => s.Name).ToListAsync(ct);
}
