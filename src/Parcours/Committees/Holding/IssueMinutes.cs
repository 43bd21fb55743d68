using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Holding;

/// <summary>Issues the minutes once the session is closed; issuing again (after a correction) makes a new version.</summary>
public sealed record IssueMinutes(Guid CommitteeId, long? ExpectedVersion, CurrentWorker Actor);

public static class IssueMinutesHandler
{
    public static Task<CommandOutcome> Handle(IssueMinutes command, IDocumentSession session, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command.Actor, time.GetUtcNow()), ct);

    public static Decision Decide(Committee committee, CurrentWorker actor, DateTimeOffset now) =>
        SittingRules.StatusIs(committee, "diffuser le compte rendu", CommitteeStatus.Closed)
        ?? Decision.Accept(new MinutesIssued(committee.Id, committee.MinutesVersion + 1, actor.Id, now));
}

public static class IssueMinutesEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/minutes", OperationId = "issueCommitteeMinutes")]
    public static async Task<IResult> Post(Guid committeeId, SessionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new IssueMinutes(committeeId, request.ExpectedVersion, worker))).ToResult();
}
