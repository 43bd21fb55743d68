using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.People.Merging;

/// <summary>Undoes a proposed merge (nothing had changed for the two people).</summary>
public sealed record UndoMerge(Guid MergeId, CurrentWorker Actor);

public static class UndoMergeHandler
{
    public static async Task<CommandOutcome> Handle(UndoMerge command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PersonMerge>(command.MergeId, ct);
        if (stream.Aggregate is not { } merge || merge.StructureId != command.Actor.StructureId || !command.Actor.WorksWithPeople) return CommandOutcome.Refused(Refusal.NotFound());
        if (!command.Actor.Has(Role.ProgrammeCoordinator)) return CommandOutcome.Refused(MergeRules.CoordinatorOnly);
        if (merge.Status != MergeStatus.Proposed) return CommandOutcome.Refused(Refusal.Rule(merge.Status == MergeStatus.Confirmed
            ? "La fusion est confirmée : elle ne peut plus être annulée."
            : "La fusion a déjà été annulée."));

        stream.AppendOne(new MergeUndone(merge.Id, command.Actor.Id, time.GetUtcNow()));
        AuditTrail.Record(session, AuditEntry.By(command.Actor, ProposeMergeHandler.Action, "undone", AuditOutcome.Allowed, personId: merge.AbsorbedPersonId));
        return new CommandOutcome(merge.Id, (stream.StartingVersion ?? 0) + 1, null);
    }
}

public static class UndoMergeEndpoint
{
    [WolverinePost("/api/people/merges/{mergeId}/undo", OperationId = "undoMerge")]
    public static async Task<IResult> Post(Guid mergeId, [NotBody] CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new UndoMerge(mergeId, worker))).ToResult();
}
