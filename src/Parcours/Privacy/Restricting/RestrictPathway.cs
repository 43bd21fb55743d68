using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Privacy.Restricting;

/// <summary>The officer limits the processing of a pathway (RGPD art. 18), with the reason (not shown to workers).</summary>
public sealed record RestrictPathway(Guid PathwayId, string? Reason, DateOnly RestrictedOn, CurrentWorker Actor);

public sealed record RestrictPathwayRequest(string? Reason, DateOnly RestrictedOn);

/// <summary>The officer lifts the limitation: the pathway takes commands again.</summary>
public sealed record LiftRestriction(Guid PathwayId, DateOnly LiftedOn, CurrentWorker Actor);

public sealed record LiftRestrictionRequest(DateOnly LiftedOn);

/// <summary>
/// Restricting and lifting do not go through <see cref="PathwayStreams"/>: the officer is no case
/// worker, and these are the two commands (with erasure) a restricted pathway still takes.
/// </summary>
public static class RestrictPathwayHandler
{
    public const int ReasonMaxLength = 500;
    public const string RestrictAction = "pathway.restrict";
    public const string LiftAction = "pathway.restriction-lift";

    public static async Task<CommandOutcome> Handle(RestrictPathway command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        if (!Officer.Is(command.Actor)) return Refused(session, command.Actor, RestrictAction, command.PathwayId, Officer.OnlyOfficer);
        var stream = await session.Events.FetchForWriting<Pathway>(command.PathwayId, ct);
        if (stream.Aggregate is not { } pathway) return CommandOutcome.Refused(Refusal.NotFound());
        var decision = Decide(pathway, command, time.Today(), time.GetUtcNow());
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);
        stream.AppendMany(decision.Events);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, RestrictAction, "rights", AuditOutcome.Allowed, pathway.Id, pathway.PersonId));
        return new CommandOutcome(pathway.Id, (stream.StartingVersion ?? 0) + 1, null);
    }

    public static async Task<CommandOutcome> Handle(LiftRestriction command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        if (!Officer.Is(command.Actor)) return Refused(session, command.Actor, LiftAction, command.PathwayId, Officer.OnlyOfficer);
        var stream = await session.Events.FetchForWriting<Pathway>(command.PathwayId, ct);
        if (stream.Aggregate is not { } pathway) return CommandOutcome.Refused(Refusal.NotFound());
        var decision = Decide(pathway, command, time.Today(), time.GetUtcNow());
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);
        stream.AppendMany(decision.Events);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, LiftAction, "rights", AuditOutcome.Allowed, pathway.Id, pathway.PersonId));
        return new CommandOutcome(pathway.Id, (stream.StartingVersion ?? 0) + 1, null);
    }

    public static Decision Decide(Pathway pathway, RestrictPathway c, DateOnly today, DateTimeOffset now) =>
        (string.IsNullOrWhiteSpace(c.Reason) ? Refusal.Invalid("reason", "Le motif de la limitation est obligatoire.") : null)
        ?? (c.Reason!.Length > ReasonMaxLength ? Refusal.Invalid("reason", $"Le motif ne peut dépasser {ReasonMaxLength} caractères.") : null)
        ?? (c.RestrictedOn == default ? Refusal.Invalid("restrictedOn", "La date est obligatoire.") : null)
        ?? PathwayRules.NotInFuture(c.RestrictedOn, today, "restrictedOn")
        ?? (pathway.Restricted ? Refusal.Conflict("Ce parcours fait déjà l'objet d'une limitation du traitement.") : null)
        ?? Decision.Accept(new PathwayRestricted(pathway.Id, c.Reason.Trim(), c.RestrictedOn, c.Actor.Id, now));

    public static Decision Decide(Pathway pathway, LiftRestriction c, DateOnly today, DateTimeOffset now) =>
        (c.LiftedOn == default ? Refusal.Invalid("liftedOn", "La date est obligatoire.") : null)
        ?? PathwayRules.NotInFuture(c.LiftedOn, today, "liftedOn")
        ?? (!pathway.Restricted ? Refusal.Conflict("Ce parcours ne fait l'objet d'aucune limitation du traitement.") : null)
        ?? Decision.Accept(new PathwayRestrictionLifted(pathway.Id, c.LiftedOn, c.Actor.Id, now));

    private static CommandOutcome Refused(IDocumentSession session, CurrentWorker worker, string action, Guid pathwayId, Refusal refusal)
    {
        AuditTrail.Record(session, AuditEntry.By(worker, action, "rights", AuditOutcome.Refused, pathwayId));
        return CommandOutcome.Refused(refusal);
    }
}

public static class RestrictingEndpoints
{
    [WolverinePost("/api/privacy/pathways/{pathwayId}/restriction", OperationId = "restrictPathway")]
    public static async Task<IResult> Restrict(Guid pathwayId, RestrictPathwayRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RestrictPathway(pathwayId, request.Reason, request.RestrictedOn, worker))).ToResult();

    [WolverinePost("/api/privacy/pathways/{pathwayId}/restriction/lifting", OperationId = "liftPathwayRestriction")]
    public static async Task<IResult> Lift(Guid pathwayId, LiftRestrictionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new LiftRestriction(pathwayId, request.LiftedOn, worker))).ToResult();
}
