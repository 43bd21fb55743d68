using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Orienting;

/// <summary>The person or the receiving structure accepted a proposed orientation.</summary>
public sealed record AcceptOrientation(Guid PathwayId, long? ExpectedVersion, Guid OrientationId, DateOnly AcceptedOn, CurrentWorker Actor);

public sealed record AcceptOrientationRequest(long? ExpectedVersion, DateOnly AcceptedOn);

/// <summary>A proposed orientation was refused, with a standard reason and an optional note.</summary>
public sealed record RefuseOrientation(Guid PathwayId, long? ExpectedVersion, Guid OrientationId, DateOnly RefusedOn, string ReasonCode, string? Note, CurrentWorker Actor);

public sealed record RefuseOrientationRequest(long? ExpectedVersion, DateOnly RefusedOn, string ReasonCode, string? Note);

public static class AcceptOrientationHandler
{
    public static Task<CommandOutcome> Handle(AcceptOrientation command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, _) => Decide(pathway, command, time.Today(), time.GetUtcNow()), ct);

    public static Decision Decide(Pathway pathway, AcceptOrientation c, DateOnly today, DateTimeOffset now) =>
        PathwayRules.NotClosed(pathway)
        ?? PathwayRules.ValidDate(pathway, c.AcceptedOn, today, "acceptedOn")
        ?? OrientationRules.IsPending(pathway, c.OrientationId, c.AcceptedOn, "acceptedOn")
        ?? Decision.Accept(new OrientationAccepted(pathway.Id, c.OrientationId, c.AcceptedOn, c.Actor.Id, now));
}

public static class RefuseOrientationHandler
{
    public static async Task<CommandOutcome> Handle(RefuseOrientation command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var reasonExists = await session.CodeExistsAsync(CodeLists.OrientationRefusalReason, command.ReasonCode, ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, reasonExists, time.Today(), time.GetUtcNow(), seal), ct);
    }

    public static Decision Decide(Pathway pathway, RefuseOrientation c, bool reasonExists, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.KnownCode(c.ReasonCode, reasonExists, "reasonCode", "Motif")
        ?? PathwayRules.TooLong(c.Note, "note")
        ?? PathwayRules.NotClosed(pathway)
        ?? PathwayRules.ValidDate(pathway, c.RefusedOn, today, "refusedOn")
        ?? OrientationRules.IsPending(pathway, c.OrientationId, c.RefusedOn, "refusedOn")
        ?? Decision.Accept(new OrientationRefused(pathway.Id, c.OrientationId, c.RefusedOn, c.ReasonCode, seal(c.Note), c.Actor.Id, now));
}

public static class OrientationRules
{
    /// <summary>Only a pending orientation of this pathway can be answered, and not before it was proposed.</summary>
    public static Refusal? IsPending(Pathway pathway, Guid orientationId, DateOnly on, string field) =>
        pathway.Orientations.TryGetValue(orientationId, out var orientation)
            ? orientation.Status != OrientationStatus.Pending
                ? Refusal.Rule(orientation.Status == OrientationStatus.Expired
                    ? "Cette orientation a expiré sans réponse."
                    : $"Cette orientation a déjà été {(orientation.Status == OrientationStatus.Accepted ? "acceptée" : "refusée")}.")
                : on < orientation.ProposedOn
                    ? Refusal.Rule($"La réponse ne peut pas précéder la proposition d'orientation du {orientation.ProposedOn:dd/MM/yyyy}.", field)
                    : null
            : Refusal.NotFound() with { Detail = "Aucune orientation proposée avec cet identifiant dans ce parcours." };
}

public static class AnswerOrientationEndpoints
{
    [WolverinePost("/api/pathways/{pathwayId}/orientations/{orientationId}/acceptance", OperationId = "acceptOrientation")]
    public static async Task<IResult> Accept(Guid pathwayId, Guid orientationId, AcceptOrientationRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new AcceptOrientation(pathwayId, request.ExpectedVersion, orientationId, request.AcceptedOn, worker))).ToResult();

    [WolverinePost("/api/pathways/{pathwayId}/orientations/{orientationId}/refusal", OperationId = "refuseOrientation")]
    public static async Task<IResult> Refuse(Guid pathwayId, Guid orientationId, RefuseOrientationRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RefuseOrientation(pathwayId, request.ExpectedVersion, orientationId, request.RefusedOn, request.ReasonCode, request.Note, worker))).ToResult();
}
