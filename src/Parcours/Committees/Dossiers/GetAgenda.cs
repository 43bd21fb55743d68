using Marten;
using Parcours.Audit;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Committees.Dossiers;

public static class GetAgendaEndpoint
{
    /// <summary>The sitting's view if the worker sits on it, else null (answered 404, like an unknown sitting).</summary>
    public static async Task<CommitteeView?> SittingFor(IQuerySession session, CurrentWorker worker, Guid committeeId, CancellationToken ct) =>
        await session.LoadAsync<CommitteeView>(committeeId, ct) is { } view
        && CommitteeAccess.SitsOn(worker, view.OwnerStructures, view.InvitedStructures, view.InvitedPeople)
            ? view
            : null;

    [WolverineGet("/api/committees/{committeeId}/agenda", OperationId = "getAgenda")]
    public static async Task<IResult> Get(Guid committeeId, CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, CancellationToken ct) =>
        await SittingFor(session, worker, committeeId, ct) is { } view
            ? Results.Ok(await CommitteeDossiers.LoadAsync(session, vault, trail, view, worker, time.Today(), forceAnonymised: false, ct))
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
