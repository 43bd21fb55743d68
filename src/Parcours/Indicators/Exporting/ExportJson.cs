using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Indicators.Exporting;

/// <summary>
/// The report's view as JSON, with the publication it is part of (computed at, event sequence,
/// threshold): hidden figures are <c>null</c> with their <c>secret</c> reason.
/// </summary>
public static class ExportJsonEndpoint
{
    [WolverineGet("/api/indicators/export.json", OperationId = "exportIndicatorsJson")]
    public static async Task<IResult> Get(CurrentWorker worker, IndicatorPublications publications, PublicationLog log, IQuerySession session, AuditTrail trail,
        TimeProvider time, CancellationToken ct, int? annee = null, string? quartier = null, string? asOf = null)
    {
        var (report, refusal) = await ReportRequest.ResolveAsync(worker, new ReportSources(publications, log, session, trail, time), "json", annee, quartier, asOf, ct);
        return report is null ? OutcomeResults.ToProblem(refusal!) : Results.Ok(report);
    }
}
