using JasperFx;
using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Orienting;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Parcours.Committees.Deciding;

/// <summary>The chair records the committee's decision on one agenda item, with its rationale.</summary>
public sealed record DecideItem(
    Guid CommitteeId,
    Guid ItemId,
    ItemOutcome? Outcome,
    string? Destination,
    Guid? ReceivingStructureId,
    string? ExitOutcome,
    IReadOnlyList<PlannedActionInput>? Actions,
    string? Rationale,
    string? Missing,
    CurrentWorker Actor);

public sealed record DecideItemRequest(
    ItemOutcome? Outcome,
    string? Destination,
    Guid? ReceivingStructureId,
    string? ExitOutcome,
    IReadOnlyList<PlannedActionInput>? Actions,
    string? Rationale,
    string? Missing);

/// <summary>
/// Appends <see cref="ItemDecided"/> to the sitting and cascades <see cref="ApplyCommitteeDecision"/>
/// to the pathway: with Wolverine's Marten outbox both are committed in one transaction, or neither.
/// Two decisions at once conflict on the sitting's stream version; the loser is retried once, so
/// a decision on another item goes through and a second decision on the same item is a 409.
/// </summary>
public static class DecideItemHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryOnce();

    public static async Task<(CommandOutcome, OutgoingMessages)> Handle(DecideItem command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var codes = await session.Query<CodeListItem>()
            .Where(c => c.List == CodeLists.Destination || c.List == CodeLists.ExitOutcome || c.List == CodeLists.ActionCategory)
            .ToListAsync(ct);
        var structures = await session.Query<Structure>().Select(s => s.Id).ToListAsync(ct);
        var refs = DecisionReferences.From(codes, structures);
        var seal = await SealerForItemAsync(session, vault, command.CommitteeId, command.ItemId, ct);

        ItemDecided? decided = null;
        CommitteeKind kind = default;
        var outcome = await session.DecideAsync(command.CommitteeId, null, command.Actor, committee =>
        {
            kind = committee.Kind;
            var decision = ItemDecisions.Decide(committee, command, refs, Guid.CreateVersion7(), time.Today(), time.GetUtcNow(), seal);
            decided = decision.Events.OfType<ItemDecided>().SingleOrDefault();
            return decision;
        }, ct);

        var messages = new OutgoingMessages();
        if (outcome.Succeeded && decided is not null) messages.Add(ApplyCommitteeDecision.Of(decided, kind));
        return (outcome, messages);
    }

    /// <summary>Rationales are encrypted with the key of the item's person, like every note about them.</summary>
    private static async Task<NoteSealer> SealerForItemAsync(IDocumentSession session, PersonVault vault, Guid committeeId, Guid itemId, CancellationToken ct)
    {
        var view = await session.LoadAsync<Reading.CommitteeView>(committeeId, ct);
        var pathwayId = view?.Items.FirstOrDefault(i => i.ItemId == itemId)?.PathwayId;
        var file = pathwayId is { } id ? await session.LoadAsync<PathwayFile>(id, ct) : null;
        var key = file is null ? null : await session.LoadAsync<PersonKey>(file.PersonId, ct);
        return text => key is null ? null : vault.EncryptOptional(key, text);
    }
}

public static class DecideItemEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/items/{itemId}/decision", OperationId = "decideCommitteeItem")]
    public static async Task<IResult> Post(Guid committeeId, Guid itemId, DecideItemRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new DecideItem(committeeId, itemId, request.Outcome, request.Destination, request.ReceivingStructureId,
            request.ExitOutcome, request.Actions, request.Rationale, request.Missing, worker))).ToResult();
}
