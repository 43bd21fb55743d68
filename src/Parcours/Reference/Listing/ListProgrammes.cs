using Marten;
using Parcours.Identity;
using Wolverine.Http;

namespace Parcours.Reference.Listing;

/// <summary>The programmes ("dispositifs"), with their public and tracks, in display order.</summary>
public static class ListProgrammesEndpoint
{
    [WolverineGet("/api/reference/programmes", OperationId = "listProgrammes")]
    public static async Task<IReadOnlyList<Programme>> Get(CurrentWorker worker, IQuerySession session, CancellationToken ct) =>
        await session.Query<Programme>().OrderBy(p => p.Order).ToListAsync(ct);
}
