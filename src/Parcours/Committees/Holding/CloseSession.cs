using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Holding;

/// <summary>The chair closes the session once every listed item is decided (postponed counts as decided) or withdrawn.</summary>
public sealed record CloseSession(Guid CommitteeId, long? ExpectedVersion, CurrentWorker Actor);

public static class CloseSessionHandler
{
    public static Task<CommandOutcome> Handle(CloseSession command, IDocumentSession session, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command.Actor, time.GetUtcNow()), ct);

    public static Decision Decide(Committee committee, CurrentWorker actor, DateTimeOffset now)
    {
        if ((SittingRules.StatusIs(committee, "clore la séance", CommitteeStatus.InSession) ?? SittingRules.ChairOnly(committee, actor.Id)) is { } refusal)
        {
            return refusal;
        }
        var undecided = committee.Items.Values.Count(i => i.Status == AgendaItemStatus.Listed);
        return undecided switch
        {
            0 => Decision.Accept(new SessionClosed(committee.Id, actor.Id, now)),
            1 => Refusal.Rule("1 point de l'ordre du jour n'est pas décidé : décidez-le (ou reportez-le) ou retirez-le avant de clore la séance."),
            _ => Refusal.Rule($"{undecided} points de l'ordre du jour ne sont pas décidés : décidez-les (ou reportez-les) ou retirez-les avant de clore la séance."),
        };
    }
}

public static class CloseSessionEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/session/closing", OperationId = "closeCommitteeSession")]
    public static async Task<IResult> Post(Guid committeeId, SessionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new CloseSession(committeeId, request.ExpectedVersion, worker))).ToResult();
}
