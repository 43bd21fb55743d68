using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.BuildingAgenda;

/// <summary>A convener takes an item off the agenda (before it is decided).</summary>
public sealed record WithdrawAgendaItem(Guid CommitteeId, long? ExpectedVersion, Guid ItemId, CurrentWorker Actor);

public sealed record WithdrawAgendaItemRequest(long? ExpectedVersion);

public static class WithdrawAgendaItemHandler
{
    public static Task<CommandOutcome> Handle(WithdrawAgendaItem command, IDocumentSession session, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor, c => Decide(c, command, time.GetUtcNow()), ct);

    public static Decision Decide(Committee committee, WithdrawAgendaItem c, DateTimeOffset now)
    {
        if (!committee.Items.TryGetValue(c.ItemId, out var item)) return Refusal.NotFound();
        if (AgendaRules.StatusAllows(committee, "retirer un dossier", CommitteeStatus.Scheduled, CommitteeStatus.InSession) is { } refusal) return refusal;
        return item.Status switch
        {
            AgendaItemStatus.Withdrawn => Refusal.Conflict("Ce dossier a déjà été retiré de l'ordre du jour."),
            AgendaItemStatus.Decided => Refusal.Conflict("Ce dossier a déjà fait l'objet d'une décision : il ne peut plus être retiré."),
            _ => Decision.Accept(new AgendaItemWithdrawn(committee.Id, c.ItemId, c.Actor.Id, now)),
        };
    }
}

public static class WithdrawAgendaItemEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/agenda/items/{itemId}/withdrawal", OperationId = "withdrawAgendaItem")]
    public static async Task<IResult> Post(Guid committeeId, Guid itemId, WithdrawAgendaItemRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new WithdrawAgendaItem(committeeId, request.ExpectedVersion, itemId, worker))).ToResult();
}
