using Marten;
using Microsoft.Extensions.Options;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.Reference;
using Parcours.Retention.Purging;
using Parcours.Retention.Sweeping;
using Wolverine.Http;

namespace Parcours.Retention.Queue;

/// <summary>One programme's policy as the officer reads it.</summary>
public sealed record PolicyLine(string Programme, string Label, int ActiveYears, int ArchiveYears, int NoticeDays, string LegalBasis);

/// <summary>A pathway about to leave the active base (no identity: the officer opens the archive to learn more).</summary>
public sealed record UpcomingArchiving(Guid PathwayId, string Programme, DateOnly LastContactOn, DateOnly ArchiveOn);

/// <summary>A pathway in the restricted archive, with the end of its archive period.</summary>
public sealed record ArchivedLine(Guid PathwayId, Guid PersonId, string Programme, DateOnly LastContactOn, DateOnly ArchivedOn, DateOnly PurgeDueOn);

/// <summary>An announced anonymisation and its postponements (reasons are read in the archive, not here).</summary>
public sealed record UpcomingPurge(Guid PersonId, IReadOnlyList<string> Programmes, int Pathways, DateOnly DueOn, DateOnly AnnouncedOn, DateOnly PurgeOn, int Postponements, DateOnly? ErasureRequestedOn);

/// <summary>The officer's retention queue: the policy, what will be archived, what is archived, what will be purged.</summary>
public sealed record RetentionQueue(
    DateOnly Today,
    IReadOnlyList<PolicyLine> Policies,
    IReadOnlyList<UpcomingArchiving> Archivings,
    IReadOnlyList<ArchivedLine> Archived,
    IReadOnlyList<UpcomingPurge> Purges)
{
    public const string ReadAction = "retention.queue";

    public static async Task<RetentionQueue> LoadAsync(IQuerySession session, RetentionOptions options, AuditTrail trail, CurrentWorker worker, DateOnly today, CancellationToken ct)
    {
        await trail.RecordAsync(AuditEntry.By(worker, ReadAction, "file de conservation", AuditOutcome.Allowed), ct);
        var programmes = await session.Query<Programme>().OrderBy(p => p.Order).ToListAsync(ct);
        var policies = programmes.Select(p =>
        {
            var policy = options.For(p.Id);
            return new PolicyLine(p.Id, p.Label, policy.ActiveYears, policy.ArchiveYears, options.NoticeDays, policy.LegalBasis);
        }).ToList();

        // Pathways whose active period ends within the horizon, for the shortest period in force.
        var horizon = today.AddDays(options.HorizonDays);
        var lastContactBefore = horizon.AddYears(-options.Programmes.Values.Append(options.Default).Min(p => p.ActiveYears));
        var active = await session.Query<PathwayFile>()
            .Where(f => f.ArchivedOn == null && f.LastDate <= lastContactBefore)
            .ToListAsync(ct);
        var archivings = active
            .Select(f => new UpcomingArchiving(f.Id, f.Programme, f.LastDate, RetentionPlan.ArchiveOn(options, f.Programme, f.LastDate)))
            .Where(a => a.ArchiveOn <= horizon)
            .OrderBy(a => a.ArchiveOn).ThenBy(a => a.PathwayId)
            .ToList();

        var archived = (await session.Query<PathwayFile>().Where(f => f.ArchivedOn != null).ToListAsync(ct))
            .Select(f => new ArchivedLine(f.Id, f.PersonId, f.Programme, f.LastDate, f.ArchivedOn!.Value, RetentionPlan.PurgeDueOn(options, f.Programme, f.ArchivedOn!.Value)))
            .OrderBy(a => a.PurgeDueOn).ThenBy(a => a.PathwayId)
            .ToList();

        var purges = (await session.Query<PurgeNotice>().ToListAsync(ct))
            .Select(n => new UpcomingPurge(n.Id, n.Programmes, n.Pathways, n.DueOn, n.AnnouncedOn, n.EffectiveOn, n.Postponements.Count, n.ErasureRequestedOn))
            .OrderBy(p => p.PurgeOn).ThenBy(p => p.PersonId)
            .ToList();
        return new RetentionQueue(today, policies, archivings, archived, purges);
    }
}

public static class RetentionQueueEndpoint
{
    [WolverineGet("/api/retention", OperationId = "getRetentionQueue")]
    public static async Task<IResult> Get(CurrentWorker worker, IQuerySession session, IOptions<RetentionOptions> options, AuditTrail trail, TimeProvider time, CancellationToken ct)
    {
        if (!RetentionAccess.Manages(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, RetentionQueue.ReadAction, "file de conservation", AuditOutcome.Refused), ct);
            return OutcomeResults.ToProblem(RetentionAccess.OfficerOnly);
        }
        return Results.Ok(await RetentionQueue.LoadAsync(session, options.Value, trail, worker, time.Today(), ct));
    }
}
