using Marten;
using Parcours.Audit;
using Marten.Linq;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine.Http;

namespace Parcours.Pathways.ListingCaseload;

/// <summary>Filters of "Mes suivis". A QPV territory also matches its sub-sectors.</summary>
public sealed record CaseloadFilter(string? Programme = null, string? Territory = null, PathwayStatus? Status = null, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record CaseloadRow(Guid PathwayId, Guid PersonId, string? DisplayName, Sex Sex, string AgeBand, string Programme, string TerritoryCode,
    PathwayStatus Status, DateOnly ReferredOn, DateOnly LastDate);

public sealed record CaseloadPage(IReadOnlyList<CaseloadRow> Rows, int Page, int PageCount, int Total);

/// <summary>
/// The pathways a worker sees: those of their own structure (if they follow cases there) and
/// those whose team their structure is on while a consent covers it. Anything else is absent
/// from the rows and from the count.
/// </summary>
public static class Caseload
{
    public const string ListAction = "pathway.list";

    /// <summary>The page of the caseload; the request is traced (one entry, without case ids).</summary>
    public static async Task<CaseloadPage> QueryAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, CaseloadFilter filter, DateOnly today, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        await trail.RecordAsync(AuditEntry.By(worker, ListAction, "caseload", worker.WorksWithPeople ? AuditOutcome.Allowed : AuditOutcome.Refused), ct);
        if (!worker.WorksWithPeople) return new CaseloadPage([], page, 1, 0);

        var shared = await SharedWithAsync(session, vault, worker, today, ct);
        IQueryable<PathwayFile> query = PathwayAccess.OwnStructure(worker) is { } own
            ? session.Query<PathwayFile>().Where(f => f.ReferentStructureId == own || f.Id.IsOneOf(shared))
            : session.Query<PathwayFile>().Where(f => f.Id.IsOneOf(shared));
        // The restricted archive (retention) is no longer part of anyone's caseload.
        query = query.Where(f => f.ArchivedOn == null);
        if (!string.IsNullOrWhiteSpace(filter.Programme)) query = query.Where(f => f.Programme == filter.Programme);
        if (!string.IsNullOrWhiteSpace(filter.Territory))
        {
            var territories = (await session.Query<Territory>().Where(t => t.Id == filter.Territory || t.ParentId == filter.Territory).ToListAsync(ct))
                .Select(t => t.Id).ToArray();
            query = query.Where(f => territories.Contains(f.TerritoryCode));
        }
        if (filter.Status is { } status) query = query.Where(f => f.Status == status);

        var files = await ((IMartenQueryable<PathwayFile>)query.OrderByDescending(f => f.LastDate).ThenBy(f => f.Id))
            .Stats(out var stats)
            .Skip((page - 1) * CaseloadFilter.PageSize).Take(CaseloadFilter.PageSize)
            .ToListAsync(ct);
        var identities = await vault.OpenManyAsync(session, files.Select(f => f.PersonId).ToList(), ct);
        var rows = files.Select(f => new CaseloadRow(f.Id, f.PersonId, identities.GetValueOrDefault(f.PersonId)?.DisplayName, f.Sex, f.AgeBand,
            f.Programme, f.TerritoryCode, f.Status, f.ReferredOn, f.LastDate)).ToList();
        var total = (int)stats.TotalResults;
        return new CaseloadPage(rows, page, Math.Max(1, (total + CaseloadFilter.PageSize - 1) / CaseloadFilter.PageSize), total);
    }

    /// <summary>
    /// Pathways of other structures the worker's structure is on the team of, kept only when
    /// <see cref="PathwayAccess"/> lets the worker see them today: a consent may have been
    /// withdrawn or have expired, or the parents' consent may have lapsed at the person's majority.
    /// </summary>
    private static async Task<Guid[]> SharedWithAsync(IQuerySession session, PersonVault vault, CurrentWorker worker, DateOnly today, CancellationToken ct)
    {
        var structure = worker.StructureId;
        var candidates = await session.Query<PathwayFile>()
            .Where(f => f.SharedWith.Contains(structure) && f.ReferentStructureId != structure)
            .ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var identities = await vault.OpenManyAsync(session, candidates.Select(f => f.PersonId).ToList(), ct);
        return candidates
            .Where(f => PathwayAccess.For(worker, f, today, PathwayAccess.AdultOn(identities.GetValueOrDefault(f.PersonId)?.BirthDate)).Sees)
            .Select(f => f.Id)
            .ToArray();
    }
}

public static class ListCaseloadEndpoint
{
    [WolverineGet("/api/pathways", OperationId = "listCaseload")]
    public static async Task<CaseloadPage> Get(CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, CancellationToken ct,
        string? programme = null, string? territory = null, PathwayStatus? status = null, int page = 1) =>
        await Caseload.QueryAsync(session, vault, trail, worker, new CaseloadFilter(programme, territory, status, page), time.Today(), ct);
}
