using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Reference.Listing;

/// <summary>
/// The active items of one code list, in display order. With <c>?programme=PRE</c>, only the
/// items that apply to that programme (its own and the shared ones).
/// </summary>
public static class ListCodeListEndpoint
{
    [WolverineGet("/api/reference/code-lists/{list}", OperationId = "listCodeList")]
    public static async Task<IResult> Get(string list, string? programme, CurrentWorker worker, IQuerySession session, CancellationToken ct)
    {
        if (!CodeLists.All.Contains(list)) return OutcomeResults.ToProblem(Refusal.NotFound());

        var query = session.Query<CodeListItem>().Where(c => c.List == list && c.Active);
        if (!string.IsNullOrWhiteSpace(programme)) query = query.Where(c => c.Programme == null || c.Programme == programme);
        return Results.Ok(await query.OrderBy(c => c.Order).ThenBy(c => c.Programme).ToListAsync(ct));
    }
}
