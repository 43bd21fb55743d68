using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Indicators.Exporting;

/// <summary>The services every export and the printed report read from (Wolverine and the page inject them one by one).</summary>
public sealed record ReportSources(IndicatorPublications Publications, PublicationLog Log, IQuerySession Session, AuditTrail Trail, TimeProvider Time);

/// <summary>
/// What every export and the printed report do first: check the reader, the year, the
/// neighbourhood and the optional past day, then take their view of the publication (live, or as
/// of that day), log the publication handed out (so it can be reproduced) and trace the export.
/// </summary>
public static class ReportRequest
{
    public const string AuditAction = "indicators.export";

    public static readonly Refusal NotAllowed = Refusal.Forbidden(GetPublicationEndpoint.Refused);

    public static async Task<(IndicatorReport? Report, Refusal? Refusal)> ResolveAsync(CurrentWorker worker, ReportSources sources,
        string format, int? year, string? neighbourhood, string? asOf, CancellationToken ct)
    {
        var (publications, session, trail) = (sources.Publications, sources.Session, sources.Trail);
        if (!IndicatorAccess.MayRead(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, AuditAction, $"export {format}", AuditOutcome.Refused), ct);
            return (null, NotAllowed);
        }
        var years = publications.DefaultYears();
        var chosenYear = year ?? years[^1];
        if (!years.Contains(chosenYear))
            return (null, Refusal.Invalid("annee", $"Les indicateurs sont publiés pour les années {years[0]} à {years[^1]}."));

        string? code = null;
        if (!string.IsNullOrWhiteSpace(neighbourhood))
        {
            var territories = await session.Query<Territory>().ToListAsync(ct);
            var (territory, refusal) = Neighbourhood(territories, neighbourhood.Trim());
            if (refusal is not null) return (null, refusal);
            code = territory!.Id;
        }

        var (query, invalid) = PublicationQuery.Parse(null, asOf, sources.Time.Today());
        if (invalid is not null) return (null, invalid);

        var publication = query!.AsOf is { } instant ? await publications.AsOfAsync(instant, years, ct) : await publications.LiveAsync(years, ct);
        var labels = await IndicatorLabels.LoadAsync(session, ct);
        var logged = await sources.Log.RecordAsync(publication, worker, format, code, ct);
        await trail.RecordAsync(AuditEntry.By(worker, AuditAction, ReportText.Purpose(format, chosenYear, code, query.AsOf is null ? null : asOf!.Trim()),
            AuditOutcome.Allowed), ct);
        var report = IndicatorReport.Of(publication, chosenYear, code, labels);
        return (report with { Publication = report.Publication with { PublicationId = logged.Id } }, null);
    }

    /// <summary>
    /// A neighbourhood by its code (<c>BM</c>) or its name written as in a URL (<c>BEAU-MARAIS</c>),
    /// case ignored. Figures are published per neighbourhood (a QPV, a watch sector, elsewhere): a
    /// sub-sector is pointed to its QPV.
    /// </summary>
    public static (Territory? Territory, Refusal? Refusal) Neighbourhood(IReadOnlyList<Territory> territories, string value)
    {
        var slug = ReportText.Slug(value);
        var found = territories.FirstOrDefault(t => string.Equals(t.Id, value, StringComparison.OrdinalIgnoreCase))
                    ?? territories.FirstOrDefault(t => ReportText.Slug(t.Label) == slug);
        if (found is null)
            return (null, Refusal.NotFound() with { Detail = $"Aucun quartier ne porte le code « {value} »." });
        if (found.Kind == TerritoryKind.SubSector && territories.FirstOrDefault(t => t.Id == found.ParentId) is { } parent)
            return (null, Refusal.NotFound() with
            {
                Detail = $"« {found.Label} » est un sous-secteur : les indicateurs sont publiés pour le quartier « {parent.Label} » (code {parent.Id}).",
            });
        return (found, null);
    }
}
