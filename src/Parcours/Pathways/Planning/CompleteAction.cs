using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Planning;

/// <summary>Records that a planned action took place.</summary>
public sealed record CompleteAction(Guid PathwayId, long? ExpectedVersion, Guid ActionId, DateOnly CompletedOn, string? Note, CurrentWorker Actor);

public sealed record CompleteActionRequest(long? ExpectedVersion, DateOnly CompletedOn, string? Note);

public static class CompleteActionHandler
{
    public static Task<CommandOutcome> Handle(CompleteAction command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, time.Today(), time.GetUtcNow(), seal), ct);

    public static Decision Decide(Pathway pathway, CompleteAction c, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.TooLong(c.Note, "note")
        ?? PathwayRules.StatusIs(pathway, "réaliser une action", PathwayStatus.Active)
        ?? PathwayRules.ValidDate(pathway, c.CompletedOn, today, "completedOn")
        ?? ActionRules.IsPlanned(pathway, c.ActionId, c.CompletedOn, "completedOn")
        ?? Decision.Accept(new ActionCompleted(pathway.Id, c.ActionId, c.CompletedOn, seal(c.Note), c.Actor.Id, now));
}

public static class CompleteActionEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/actions/{actionId}/completion", OperationId = "completeAction")]
    public static async Task<IResult> Post(Guid pathwayId, Guid actionId, CompleteActionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new CompleteAction(pathwayId, request.ExpectedVersion, actionId, request.CompletedOn, request.Note, worker))).ToResult();
}
