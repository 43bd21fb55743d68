using System.Globalization;
using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Reference.Listing;

/// <summary>
/// The geography valid on a day (<c>?on=YYYY-MM-DD</c>, today by default): the perimeter changes
/// over time, so a referral form dated 2023 must not offer the 2024 watch sectors.
/// </summary>
public static class ListTerritoriesEndpoint
{
    [WolverineGet("/api/reference/territories", OperationId = "listTerritories")]
    public static async Task<IResult> Get(string? on, CurrentWorker worker, IQuerySession session, TimeProvider time, CancellationToken ct)
    {
        var day = time.Today();
        if (!string.IsNullOrWhiteSpace(on)
            && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return OutcomeResults.ToProblem(Refusal.Invalid("on", $"Date invalide : « {on} » (format attendu : AAAA-MM-JJ)."));
        }

        // A few dozen documents: validity is checked here, by the same rule the decisions use.
        var territories = await session.Query<Territory>().OrderBy(t => t.Order).ToListAsync(ct);
        return Results.Ok(territories.Where(t => t.IsValidOn(day)).ToList());
    }
}
