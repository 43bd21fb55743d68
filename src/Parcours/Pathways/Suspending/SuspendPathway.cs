using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Suspending;

/// <summary>Pauses an active accompaniment (hospitalisation, absence…).</summary>
public sealed record SuspendPathway(Guid PathwayId, long? ExpectedVersion, DateOnly SuspendedOn, string ReasonCode, string? Note, CurrentWorker Actor);

public sealed record SuspendPathwayRequest(long? ExpectedVersion, DateOnly SuspendedOn, string ReasonCode, string? Note);

/// <summary>Resumes a suspended accompaniment.</summary>
public sealed record ResumePathway(Guid PathwayId, long? ExpectedVersion, DateOnly ResumedOn, CurrentWorker Actor);

public sealed record ResumePathwayRequest(long? ExpectedVersion, DateOnly ResumedOn);

public static class SuspendPathwayHandler
{
    public static async Task<CommandOutcome> Handle(SuspendPathway command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var reasonExists = await session.CodeExistsAsync(CodeLists.SuspensionReason, command.ReasonCode, ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, reasonExists, time.Today(), time.GetUtcNow(), seal), ct);
    }

    public static Decision Decide(Pathway pathway, SuspendPathway c, bool reasonExists, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.KnownCode(c.ReasonCode, reasonExists, "reasonCode", "Motif")
        ?? PathwayRules.TooLong(c.Note, "note")
        ?? PathwayRules.StatusIs(pathway, "suspendre le parcours", PathwayStatus.Active)
        ?? PathwayRules.ValidDate(pathway, c.SuspendedOn, today, "suspendedOn")
        ?? PathwayRules.NotBeforeStatusChange(pathway, c.SuspendedOn, "suspendedOn")
        ?? Decision.Accept(new PathwaySuspended(pathway.Id, c.SuspendedOn, c.ReasonCode, seal(c.Note), c.Actor.Id, now));
}

public static class ResumePathwayHandler
{
    public static Task<CommandOutcome> Handle(ResumePathway command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, _) => Decide(pathway, command, time.Today(), time.GetUtcNow()), ct);

    public static Decision Decide(Pathway pathway, ResumePathway c, DateOnly today, DateTimeOffset now) =>
        PathwayRules.StatusIs(pathway, "reprendre le parcours", PathwayStatus.Suspended)
        ?? PathwayRules.ValidDate(pathway, c.ResumedOn, today, "resumedOn")
        ?? PathwayRules.NotBeforeStatusChange(pathway, c.ResumedOn, "resumedOn")
        ?? Decision.Accept(new PathwayResumed(pathway.Id, c.ResumedOn, c.Actor.Id, now));
}

public static class SuspendingEndpoints
{
    [WolverinePost("/api/pathways/{pathwayId}/suspension", OperationId = "suspendPathway")]
    public static async Task<IResult> Suspend(Guid pathwayId, SuspendPathwayRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new SuspendPathway(pathwayId, request.ExpectedVersion, request.SuspendedOn, request.ReasonCode, request.Note, worker))).ToResult();

    [WolverinePost("/api/pathways/{pathwayId}/resumption", OperationId = "resumePathway")]
    public static async Task<IResult> Resume(Guid pathwayId, ResumePathwayRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new ResumePathway(pathwayId, request.ExpectedVersion, request.ResumedOn, worker))).ToResult();
}
