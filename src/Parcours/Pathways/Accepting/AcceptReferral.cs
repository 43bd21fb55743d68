using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Accepting;

/// <summary>The programme accepts the referral (admission); accompaniment can then start.</summary>
public sealed record AcceptReferral(Guid PathwayId, long? ExpectedVersion, DateOnly AcceptedOn, CurrentWorker Actor);

public sealed record AcceptReferralRequest(long? ExpectedVersion, DateOnly AcceptedOn);

public static class AcceptReferralHandler
{
    public static Task<CommandOutcome> Handle(AcceptReferral command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, _) => Decide(pathway, command, time.Today(), time.GetUtcNow()), ct);

    public static Decision Decide(Pathway pathway, AcceptReferral c, DateOnly today, DateTimeOffset now) =>
        PathwayRules.StatusIs(pathway, "admettre la personne", PathwayStatus.Referred)
        ?? PathwayRules.ValidDate(pathway, c.AcceptedOn, today, "acceptedOn")
        ?? Decision.Accept(new ReferralAccepted(pathway.Id, c.AcceptedOn, c.Actor.Id, now));
}

public static class AcceptReferralEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/acceptance", OperationId = "acceptReferral")]
    public static async Task<IResult> Post(Guid pathwayId, AcceptReferralRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new AcceptReferral(pathwayId, request.ExpectedVersion, request.AcceptedOn, worker))).ToResult();
}
