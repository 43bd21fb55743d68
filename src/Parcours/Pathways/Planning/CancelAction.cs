using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Planning;

/// <summary>Cancels a planned action that will not take place.</summary>
public sealed record CancelAction(Guid PathwayId, long? ExpectedVersion, Guid ActionId, DateOnly CancelledOn, CurrentWorker Actor);

public sealed record CancelActionRequest(long? ExpectedVersion, DateOnly CancelledOn);

public static class CancelActionHandler
{
    public static Task<CommandOutcome> Handle(CancelAction command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, _) => Decide(pathway, command, time.Today(), time.GetUtcNow()), ct);

    public static Decision Decide(Pathway pathway, CancelAction c, DateOnly today, DateTimeOffset now) =>
        PathwayRules.StatusIs(pathway, "annuler une action", PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended)
        ?? PathwayRules.ValidDate(pathway, c.CancelledOn, today, "cancelledOn")
        ?? ActionRules.IsPlanned(pathway, c.ActionId, c.CancelledOn, "cancelledOn")
        ?? Decision.Accept(new ActionCancelled(pathway.Id, c.ActionId, c.CancelledOn, c.Actor.Id, now));
}

public static class CancelActionEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/actions/{actionId}/cancellation", OperationId = "cancelAction")]
    public static async Task<IResult> Post(Guid pathwayId, Guid actionId, CancelActionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new CancelAction(pathwayId, request.ExpectedVersion, actionId, request.CancelledOn, worker))).ToResult();
}
