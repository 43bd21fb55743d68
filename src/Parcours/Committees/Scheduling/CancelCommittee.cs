using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Scheduling;

/// <summary>Cancels a sitting with an organisational reason (never about a person); not once the session has opened.</summary>
public sealed record CancelCommittee(Guid CommitteeId, long? ExpectedVersion, string? Reason, CurrentWorker Actor);

public sealed record CancelCommitteeRequest(long? ExpectedVersion, string? Reason);

public static class CancelCommitteeHandler
{
    public static Task<CommandOutcome> Handle(CancelCommittee command, IDocumentSession session, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command, time.GetUtcNow()), ct);

    public static Decision Decide(Committee committee, CancelCommittee c, DateTimeOffset now) =>
        SittingRules.StatusIs(committee, "annuler l'instance", CommitteeStatus.Scheduled)
        ?? SittingRules.Reason(c.Reason)
        ?? Decision.Accept(new CommitteeCancelled(committee.Id, c.Reason!.Trim(), c.Actor.Id, now));
}

public static class CancelCommitteeEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/cancellation", OperationId = "cancelCommittee")]
    public static async Task<IResult> Post(Guid committeeId, CancelCommitteeRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new CancelCommittee(committeeId, request.ExpectedVersion, request.Reason, worker))).ToResult();
}
