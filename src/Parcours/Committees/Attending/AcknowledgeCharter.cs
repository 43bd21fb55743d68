using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Attending;

/// <summary>
/// A member commits to the confidentiality charter for this sitting, for themself: only then do
/// they see named items. Acknowledging twice changes nothing. Each acknowledgment is traced.
/// </summary>
public sealed record AcknowledgeCharter(Guid CommitteeId, CurrentWorker Actor);

public static class AcknowledgeCharterHandler
{
    public const string AuditAction = "committee.charter";

    public static async Task<CommandOutcome> Handle(AcknowledgeCharter command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var acknowledged = false;
        var outcome = await session.DecideAsync(command.CommitteeId, null, command.Actor, committee =>
        {
            var decision = Decide(committee, command.Actor, time.GetUtcNow());
            acknowledged = decision.Events.Count > 0;
            return decision;
        }, ct, membersMayAct: true);
        if (acknowledged)
        {
            AuditTrail.Record(session, AuditEntry.By(command.Actor, AuditAction, $"committee:{command.CommitteeId} charter:{CommitteeAccess.CharterVersion}", AuditOutcome.Allowed));
        }
        return outcome;
    }

    public static Decision Decide(Committee committee, CurrentWorker actor, DateTimeOffset now) =>
        SittingRules.StatusIs(committee, "signer la charte", CommitteeStatus.Scheduled, CommitteeStatus.InSession, CommitteeStatus.Closed)
        ?? (committee.CharterAcknowledgedBy.Contains(actor.Id)
            ? Decision.Accept()
            : Decision.Accept(new CharterAcknowledged(committee.Id, actor.Id, actor.StructureId, CommitteeAccess.CharterVersion, now)));
}

public static class AcknowledgeCharterEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/charter", OperationId = "acknowledgeCommitteeCharter")]
    public static async Task<IResult> Post(Guid committeeId, [NotBody] CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new AcknowledgeCharter(committeeId, worker))).ToResult();
}
