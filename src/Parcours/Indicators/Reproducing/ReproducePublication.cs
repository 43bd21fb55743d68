using Parcours.Identity;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Indicators.Reproducing;

public static class ListPublicationsEndpoint
{
    /// <summary>The publications handed out, newest first.</summary>
    [WolverineGet("/api/indicators/publications", OperationId = "listIndicatorPublications")]
    public static async Task<IResult> Get(CurrentWorker worker, PublicationLog log, CancellationToken ct) =>
        IndicatorAccess.MayRead(worker)
            ? Results.Ok(await log.ListAsync(ct))
            : OutcomeResults.ToProblem(Refusal.Forbidden(GetPublicationEndpoint.Refused));
}

public static class ReproducePublicationEndpoint
{
    /// <summary>Recomputes a logged publication from the event store and says whether it is identical.</summary>
    [WolverinePost("/api/indicators/publications/{id}/reproduce", OperationId = "reproduceIndicatorPublication")]
    public static async Task<IResult> Post(Guid id, [NotBody] CurrentWorker worker, PublicationLog log, CancellationToken ct)
    {
        if (!IndicatorAccess.MayRead(worker)) return OutcomeResults.ToProblem(Refusal.Forbidden(GetPublicationEndpoint.Refused));
        return await log.ReproduceAsync(id, ct) is { } reproduction
            ? Results.Ok(reproduction)
            : OutcomeResults.ToProblem(Refusal.NotFound());
    }
}

public static class GetLoggedPublicationEndpoint
{
    /// <summary>A logged publication, recomputed from the event store: the figures it gave, to read them again.</summary>
    [WolverineGet("/api/indicators/publications/{id}", OperationId = "getIndicatorPublication")]
    public static async Task<IResult> Get(Guid id, CurrentWorker worker, PublicationLog log, CancellationToken ct)
    {
        if (!IndicatorAccess.MayRead(worker)) return OutcomeResults.ToProblem(Refusal.Forbidden(GetPublicationEndpoint.Refused));
        return await log.RecomputeAsync(id, ct) is { } publication
            ? Results.Ok(publication)
            : OutcomeResults.ToProblem(Refusal.NotFound());
    }
}
