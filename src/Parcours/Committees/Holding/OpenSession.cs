using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Holding;

/// <summary>A convener opens the session and chairs it: decisions, attendance and closing are theirs from then on.</summary>
public sealed record OpenSession(Guid CommitteeId, long? ExpectedVersion, CurrentWorker Actor);

public sealed record SessionRequest(long? ExpectedVersion);

public static class OpenSessionHandler
{
    public static Task<CommandOutcome> Handle(OpenSession command, IDocumentSession session, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command.Actor, time.GetUtcNow()), ct);

    public static Decision Decide(Committee committee, CurrentWorker actor, DateTimeOffset now) =>
        SittingRules.StatusIs(committee, "ouvrir la séance", CommitteeStatus.Scheduled)
        ?? Decision.Accept(new SessionOpened(committee.Id, actor.Id, now));
}

public static class OpenSessionEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/session", OperationId = "openCommitteeSession")]
    public static async Task<IResult> Post(Guid committeeId, SessionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new OpenSession(committeeId, request.ExpectedVersion, worker))).ToResult();
}
