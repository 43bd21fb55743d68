using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Reviewing;

/// <summary>A dated review of the pathway (team meeting, interview) with its summary, stored encrypted.</summary>
public sealed record RecordReview(Guid PathwayId, long? ExpectedVersion, DateOnly ReviewedOn, string Summary, CurrentWorker Actor);

public sealed record RecordReviewRequest(long? ExpectedVersion, DateOnly ReviewedOn, string Summary);

public static class RecordReviewHandler
{
    public static Task<CommandOutcome> Handle(RecordReview command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, time.Today(), time.GetUtcNow(), seal), ct);

    public static Decision Decide(Pathway pathway, RecordReview c, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.Required(c.Summary, "summary", "Synthèse")
        ?? PathwayRules.TooLong(c.Summary, "summary")
        ?? PathwayRules.StatusIs(pathway, "enregistrer un bilan", PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended)
        ?? PathwayRules.ValidDate(pathway, c.ReviewedOn, today, "reviewedOn")
        ?? Decision.Accept(new ReviewRecorded(pathway.Id, Guid.CreateVersion7(), c.ReviewedOn, seal(c.Summary)!, c.Actor.Id, now));
}

public static class RecordReviewEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/reviews", OperationId = "recordReview")]
    public static async Task<IResult> Post(Guid pathwayId, RecordReviewRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RecordReview(pathwayId, request.ExpectedVersion, request.ReviewedOn, request.Summary, worker))).ToResult();
}
