using Marten;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Committees.Listing;

/// <summary>
/// A sitting's overview for one member: when and where, who is invited, who attended, how many
/// acknowledged the charter, and whether this member did. No agenda item: those are read under
/// the charter gate by the agenda.
/// </summary>
public sealed record CommitteeOverview(
    Guid Id,
    long Version,
    CommitteeKind Kind,
    string KindLabel,
    string? TerritoryCode,
    DateOnly SittingOn,
    TimeOnly StartsAt,
    string Place,
    CommitteeStatus Status,
    string? CancellationReason,
    IReadOnlyList<Guid> OwnerStructures,
    IReadOnlyList<Guid> InvitedStructures,
    IReadOnlyList<Guid> InvitedPeople,
    IReadOnlyList<AttendanceLine> Attendance,
    int CharterAcknowledgments,
    bool CharterAcknowledgedByMe,
    bool Convenes,
    Guid? ChairId,
    int ListedItems,
    int MinutesVersion)
{
    public static async Task<CommitteeOverview?> LoadAsync(IQuerySession session, CurrentWorker worker, Guid committeeId, CancellationToken ct)
    {
        var view = await session.LoadAsync<CommitteeView>(committeeId, ct);
        if (view is null || !CommitteeAccess.SitsOn(worker, view.OwnerStructures, view.InvitedStructures, view.InvitedPeople)) return null;
        return new CommitteeOverview(view.Id, view.Version, view.Kind, CommitteeKinds.Label(view.Kind), view.TerritoryCode, view.SittingOn, view.StartsAt,
            view.Place, view.Status, view.CancellationReason, view.OwnerStructures, view.InvitedStructures, view.InvitedPeople, view.Attendance,
            view.Charter.Select(c => c.HabilitationId).Distinct().Count(), view.HasAcknowledged(worker.Id), CommitteeAccess.Convenes(worker, view.OwnerStructures),
            view.ChairId, view.Agenda.Count(), view.MinutesVersion);
    }
}

public static class GetCommitteeEndpoint
{
    [WolverineGet("/api/committees/{committeeId}", OperationId = "getCommittee")]
    public static async Task<IResult> Get(Guid committeeId, CurrentWorker worker, IQuerySession session, CancellationToken ct) =>
        await CommitteeOverview.LoadAsync(session, worker, committeeId, ct) is { } overview
            ? Results.Ok(overview)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
