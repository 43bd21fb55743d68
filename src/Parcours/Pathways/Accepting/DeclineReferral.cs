using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Accepting;

/// <summary>The programme declines the referral, with a reason from the standard list.</summary>
public sealed record DeclineReferral(Guid PathwayId, long? ExpectedVersion, DateOnly DeclinedOn, string ReasonCode, string? Note, CurrentWorker Actor);

public sealed record DeclineReferralRequest(long? ExpectedVersion, DateOnly DeclinedOn, string ReasonCode, string? Note);

public static class DeclineReferralHandler
{
    public static async Task<CommandOutcome> Handle(DeclineReferral command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var reasonExists = await session.CodeExistsAsync(CodeLists.DeclineReason, command.ReasonCode, ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, reasonExists, time.Today(), time.GetUtcNow(), seal), ct);
    }

    public static Decision Decide(Pathway pathway, DeclineReferral c, bool reasonExists, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.KnownCode(c.ReasonCode, reasonExists, "reasonCode", "Motif")
        ?? PathwayRules.TooLong(c.Note, "note")
        ?? PathwayRules.StatusIs(pathway, "refuser l'orientation", PathwayStatus.Referred)
        ?? PathwayRules.ValidDate(pathway, c.DeclinedOn, today, "declinedOn")
        ?? Decision.Accept(new ReferralDeclined(pathway.Id, c.DeclinedOn, c.ReasonCode, seal(c.Note), c.Actor.Id, now));
}

public static class DeclineReferralEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/decline", OperationId = "declineReferral")]
    public static async Task<IResult> Post(Guid pathwayId, DeclineReferralRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new DeclineReferral(pathwayId, request.ExpectedVersion, request.DeclinedOn, request.ReasonCode, request.Note, worker))).ToResult();
}
