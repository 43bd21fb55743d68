using Marten;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Committees.Listing;

/// <summary>A sitting in the calendar of one worker.</summary>
public sealed record CommitteeRow(
    Guid Id,
    long Version,
    CommitteeKind Kind,
    string KindLabel,
    string? TerritoryCode,
    DateOnly SittingOn,
    TimeOnly StartsAt,
    string Place,
    CommitteeStatus Status,
    bool Convenes);

/// <summary>
/// The sittings a worker sits on (they convene it, their structure is invited, or they are
/// invited by name), soonest first. Other sittings are absent, as if they did not exist.
/// </summary>
public static class CommitteeCalendarQuery
{
    public const int MaxDays = 731;

    public static async Task<IReadOnlyList<CommitteeRow>> QueryAsync(IQuerySession session, CurrentWorker worker, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!worker.Has(Role.CommitteeMember) && !worker.Has(Role.ProgrammeCoordinator)) return [];
        var views = await session.Query<CommitteeView>().Where(v => v.SittingOn >= from && v.SittingOn <= to).ToListAsync(ct);
        return views
            .Where(v => CommitteeAccess.SitsOn(worker, v.OwnerStructures, v.InvitedStructures, v.InvitedPeople))
            .OrderBy(v => v.SittingOn).ThenBy(v => v.StartsAt).ThenBy(v => v.Kind).ThenBy(v => v.TerritoryCode, StringComparer.Ordinal)
            .Select(v => new CommitteeRow(v.Id, v.Version, v.Kind, CommitteeKinds.Label(v.Kind), v.TerritoryCode, v.SittingOn, v.StartsAt, v.Place, v.Status,
                CommitteeAccess.Convenes(worker, v.OwnerStructures)))
            .ToList();
    }

    /// <summary>The period asked for: from today and for a year unless told, at most two years.</summary>
    public static (DateOnly From, DateOnly To, Refusal? Refusal) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var start = from ?? today;
        var end = to ?? start.AddYears(1);
        if (end < start) return (start, end, Refusal.Invalid("to", "La fin de la période précède son début."));
        if (end.DayNumber - start.DayNumber > MaxDays) return (start, end, Refusal.Invalid("to", "La période ne peut pas dépasser deux ans."));
        return (start, end, null);
    }
}

public static class ListCommitteesEndpoint
{
    [WolverineGet("/api/committees", OperationId = "listCommittees")]
    public static async Task<IResult> Get(DateOnly? from, DateOnly? to, CurrentWorker worker, IQuerySession session, TimeProvider time, CancellationToken ct)
    {
        var (start, end, refusal) = CommitteeCalendarQuery.Period(from, to, time.Today());
        return refusal is not null
            ? OutcomeResults.ToProblem(refusal)
            : Results.Ok(await CommitteeCalendarQuery.QueryAsync(session, worker, start, end, ct));
    }
}
