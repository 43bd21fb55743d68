using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Exiting;

/// <summary>Ends the pathway with an outcome (employment, training, return to school…).</summary>
public sealed record ExitPathway(Guid PathwayId, long? ExpectedVersion, DateOnly ExitedOn, string Outcome, string? Note, CurrentWorker Actor);

public sealed record ExitPathwayRequest(long? ExpectedVersion, DateOnly ExitedOn, string Outcome, string? Note);

/// <summary>Reopens an exited pathway: the only event allowed after an exit.</summary>
public sealed record ReopenPathway(Guid PathwayId, long? ExpectedVersion, DateOnly ReopenedOn, string? Reason, CurrentWorker Actor);

public sealed record ReopenPathwayRequest(long? ExpectedVersion, DateOnly ReopenedOn, string? Reason);

public static class ExitPathwayHandler
{
    public static async Task<CommandOutcome> Handle(ExitPathway command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var outcomeExists = await session.CodeExistsAsync(CodeLists.ExitOutcome, command.Outcome, ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, outcomeExists, time.Today(), time.GetUtcNow(), seal), ct);
    }

    public static Decision Decide(Pathway pathway, ExitPathway c, bool outcomeExists, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.KnownCode(c.Outcome, outcomeExists, "outcome", "Motif de sortie")
        ?? PathwayRules.TooLong(c.Note, "note")
        ?? PathwayRules.StatusIs(pathway, "clôturer le parcours", PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended)
        ?? PathwayRules.ValidDate(pathway, c.ExitedOn, today, "exitedOn")
        ?? (c.ExitedOn < pathway.LastDate ? Refusal.Rule($"La sortie ne peut pas précéder le dernier événement du parcours ({pathway.LastDate:dd/MM/yyyy}).", "exitedOn") : null)
        ?? Decision.Accept(new PathwayExited(pathway.Id, c.ExitedOn, c.Outcome, seal(c.Note), c.Actor.Id, now));
}

public static class ReopenPathwayHandler
{
    public static Task<CommandOutcome> Handle(ReopenPathway command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, time.Today(), time.GetUtcNow(), seal), ct);

    public static Decision Decide(Pathway pathway, ReopenPathway c, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.TooLong(c.Reason, "reason")
        ?? (pathway.Status == PathwayStatus.Exited ? null : Refusal.Rule("Seul un parcours clôturé peut être rouvert."))
        ?? PathwayRules.ValidDate(pathway, c.ReopenedOn, today, "reopenedOn")
        ?? PathwayRules.NotBeforeStatusChange(pathway, c.ReopenedOn, "reopenedOn")
        ?? Decision.Accept(new PathwayReopened(pathway.Id, c.ReopenedOn, seal(c.Reason), c.Actor.Id, now));
}

public static class ExitingEndpoints
{
    [WolverinePost("/api/pathways/{pathwayId}/exit", OperationId = "exitPathway")]
    public static async Task<IResult> Exit(Guid pathwayId, ExitPathwayRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new ExitPathway(pathwayId, request.ExpectedVersion, request.ExitedOn, request.Outcome, request.Note, worker))).ToResult();

    [WolverinePost("/api/pathways/{pathwayId}/reopening", OperationId = "reopenPathway")]
    public static async Task<IResult> Reopen(Guid pathwayId, ReopenPathwayRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new ReopenPathway(pathwayId, request.ExpectedVersion, request.ReopenedOn, request.Reason, worker))).ToResult();
}
