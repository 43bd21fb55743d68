using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Searching;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.People.Merging;

/// <summary>
/// Confirms a proposed merge: the absorbed person's pathways now belong to the kept person
/// (<see cref="PathwayPersonChanged"/> on each), the absorbed person is marked merged and leaves
/// the search index. A sealed pathway of another structure (the Maison des Femmes) is never moved
/// from outside it: the coordinator cannot know it exists, and its structure keeps its own record.
/// </summary>
public sealed record ConfirmMerge(Guid MergeId, CurrentWorker Actor);

public static class ConfirmMergeHandler
{
    public static async Task<CommandOutcome> Handle(ConfirmMerge command, IDocumentSession session, PersonVault vault, PersonSearchIndex index, TimeProvider time, CancellationToken ct)
    {
        var actor = command.Actor;
        var stream = await session.Events.FetchForWriting<PersonMerge>(command.MergeId, ct);
        if (stream.Aggregate is not { } merge || merge.StructureId != actor.StructureId || !actor.WorksWithPeople) return CommandOutcome.Refused(Refusal.NotFound());
        if (!actor.Has(Role.ProgrammeCoordinator)) return CommandOutcome.Refused(MergeRules.CoordinatorOnly);
        if (merge.Status != MergeStatus.Proposed) return CommandOutcome.Refused(Refusal.Rule(merge.Status == MergeStatus.Confirmed
            ? "La fusion est déjà confirmée."
            : "La fusion a été annulée : proposez-la de nouveau."));
        var pair = await MergeRules.LoadAsync(session, vault, actor, merge.KeptPersonId, merge.AbsorbedPersonId, time.Today(), ct);
        if (MergeRules.BothVisible(pair) is { } refusal) return CommandOutcome.Refused(refusal);

        var now = time.GetUtcNow();
        stream.AppendOne(new MergeConfirmed(merge.Id, actor.Id, now));
        session.Events.Append(merge.AbsorbedPersonId, new PersonMergedInto(merge.AbsorbedPersonId, merge.KeptPersonId, merge.Id, actor.Id, now));
        var moved = (await session.Query<PathwayFile>().Where(f => f.PersonId == merge.AbsorbedPersonId).ToListAsync(ct))
            .Where(f => !PathwayAccess.IsSealed(f.Programme) || f.ReferentStructureId == actor.StructureId)
            .ToList();
        foreach (var file in moved)
        {
            session.Events.Append(file.Id, new PathwayPersonChanged(file.Id, merge.AbsorbedPersonId, merge.KeptPersonId, merge.Id, actor.Id, now));
        }

        PersonSearchIndex.Remove(session, merge.AbsorbedPersonId);
        if (pair.Kept!.Identity is { } keptIdentity)
        {
            var entry = await session.LoadAsync<PersonSearchEntry>(merge.KeptPersonId, ct);
            session.Store(index.Entry(merge.KeptPersonId, keptIdentity, (entry?.Territories ?? []).Concat(moved.Select(f => f.TerritoryCode)), entry?.SealedIn, now));
        }
        AuditTrail.Record(session, AuditEntry.By(actor, ProposeMergeHandler.Action, "confirmed", AuditOutcome.Allowed, personId: merge.KeptPersonId));
        AuditTrail.Record(session, AuditEntry.By(actor, ProposeMergeHandler.Action, "confirmed", AuditOutcome.Allowed, personId: merge.AbsorbedPersonId));
        return new CommandOutcome(merge.Id, (stream.StartingVersion ?? 0) + 1, null);
    }
}

public static class ConfirmMergeEndpoint
{
    [WolverinePost("/api/people/merges/{mergeId}/confirmation", OperationId = "confirmMerge")]
    public static async Task<IResult> Post(Guid mergeId, [NotBody] CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new ConfirmMerge(mergeId, worker))).ToResult();
}
