using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Orientations.Inbox;
using Parcours.Pathways;
using Parcours.Pathways.Orienting;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Orientations.Answering;

/// <summary>The receiving structure accepts the orientation, naming the worker who takes the person.</summary>
public sealed record AcceptTicket(Guid OrientationId, Guid? TakenBy, CurrentWorker Actor);

public sealed record AcceptTicketRequest(Guid? TakenBy);

/// <summary>The receiving structure refuses the orientation: a standard reason and free text (encrypted), sent back to the committee.</summary>
public sealed record RefuseTicket(Guid OrientationId, string? ReasonCode, string? Note, CurrentWorker Actor);

public sealed record RefuseTicketRequest(string? ReasonCode, string? Note);

/// <summary>
/// Answers go to the pathway's stream under <see cref="OrientationAccess"/>, not the pathway's own
/// rule: the receiving structure is not on the case team. Anyone else gets 404.
/// </summary>
public static class AnswerTicketHandler
{
    public static async Task<CommandOutcome> Handle(AcceptTicket command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        if (await session.LoadAsync<OrientationTicket>(command.OrientationId, ct) is not { } ticket || !OrientationAccess.Receives(command.Actor, ticket))
        {
            return CommandOutcome.Refused(Refusal.NotFound());
        }
        var taker = command.TakenBy is { } id ? await session.LoadAsync<Habilitation>(id, ct) : null;
        var refusal = command.TakenBy is null
            ? Refusal.Invalid("takenBy", "Indiquez le professionnel de votre structure qui prend en charge la personne.")
            : taker is null || !OrientationAccess.MayTake(taker, ticket)
                ? Refusal.Invalid("takenBy", "Ce professionnel n'a pas d'habilitation active dans votre structure.")
                : null;
        if (refusal is not null) return CommandOutcome.Refused(refusal);

        return await AppendAsync(session, ticket, pathway =>
            PathwayRules.NotClosed(pathway)
            ?? OrientationRules.IsPending(pathway, ticket.Id, time.Today(), "orientationId")
            ?? Decision.Accept(new OrientationAccepted(pathway.Id, ticket.Id, time.Today(), command.Actor.Id, time.GetUtcNow(), command.TakenBy)), ct);
    }

    public static async Task<CommandOutcome> Handle(RefuseTicket command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        if (await session.LoadAsync<OrientationTicket>(command.OrientationId, ct) is not { } ticket || !OrientationAccess.Receives(command.Actor, ticket))
        {
            return CommandOutcome.Refused(Refusal.NotFound());
        }
        var reasonExists = await session.CodeExistsAsync(CodeLists.OrientationRefusalReason, command.ReasonCode, ct);
        var refusal = PathwayRules.KnownCode(command.ReasonCode, reasonExists, "reasonCode", "Motif du refus") ?? PathwayRules.TooLong(command.Note, "note");
        if (refusal is not null) return CommandOutcome.Refused(refusal);

        var key = await session.LoadAsync<PersonKey>(ticket.PersonId, ct);
        return await AppendAsync(session, ticket, pathway =>
            PathwayRules.NotClosed(pathway)
            ?? OrientationRules.IsPending(pathway, ticket.Id, time.Today(), "orientationId")
            ?? Decision.Accept(new OrientationRefused(pathway.Id, ticket.Id, time.Today(), command.ReasonCode!,
                key is null ? null : vault.EncryptOptional(key, command.Note), command.Actor.Id, time.GetUtcNow())), ct);
    }

    private static async Task<CommandOutcome> AppendAsync(IDocumentSession session, OrientationTicket ticket, Func<Pathway, Decision> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Pathway>(ticket.PathwayId, ct);
        if (stream.Aggregate is not { IsSealed: false } pathway) return CommandOutcome.Refused(Refusal.NotFound());
        if (PathwayRules.NotFrozen(pathway) is { } frozen) return CommandOutcome.Refused(frozen);
        var decision = decide(pathway);
        if (decision.Refusal is { } refused) return CommandOutcome.Refused(refused);
        stream.AppendMany(decision.Events);
        return new CommandOutcome(ticket.Id, (stream.StartingVersion ?? 0) + decision.Events.Count, null);
    }
}

public static class AnswerTicketEndpoints
{
    [WolverinePost("/api/orientations/{orientationId}/acceptance", OperationId = "acceptOrientationTicket")]
    public static async Task<IResult> Accept(Guid orientationId, AcceptTicketRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new AcceptTicket(orientationId, request.TakenBy, worker))).ToResult();

    [WolverinePost("/api/orientations/{orientationId}/refusal", OperationId = "refuseOrientationTicket")]
    public static async Task<IResult> Refuse(Guid orientationId, RefuseTicketRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RefuseTicket(orientationId, request.ReasonCode, request.Note, worker))).ToResult();
}
