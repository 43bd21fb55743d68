using Parcours.Pathways;
using Parcours.Retention.Purging;

namespace Parcours.Retention.Sweeping;

/// <summary>What retention needs of a pathway: its programme, last contact and archiving day.</summary>
public sealed record RetainedPathway(Guid PathwayId, Guid PersonId, string Programme, DateOnly LastContactOn, DateOnly? ArchivedOn);

/// <summary>What one sweep does: archive pathways, announce, cancel or carry out purges.</summary>
public sealed record RetentionPlan(
    IReadOnlyList<PathwayArchived> Archivings,
    IReadOnlyList<PurgeNotice> Announcements,
    IReadOnlyList<Guid> Cancellations,
    IReadOnlyList<Guid> Erasures)
{
    /// <summary>The day a pathway leaves the active base: its programme's active period after the last contact.</summary>
    public static DateOnly ArchiveOn(RetentionOptions options, string programme, DateOnly lastContactOn) =>
        lastContactOn.AddYears(options.For(programme).ActiveYears);

    /// <summary>The end of a pathway's archive period (from the day it was archived, or will be).</summary>
    public static DateOnly PurgeDueOn(RetentionOptions options, string programme, DateOnly archivedOn) =>
        archivedOn.AddYears(options.For(programme).ArchiveYears);

    /// <summary>
    /// The pure decision of a sweep on <paramref name="today"/>. <paramref name="pathways"/> are
    /// all the pathways of the people concerned, <paramref name="notices"/> their current notices,
    /// <paramref name="erased"/> the people already erased (no vault key: nothing is left to purge).
    /// Running it twice on the same day changes nothing the second time.
    /// </summary>
    public static RetentionPlan Decide(
        RetentionOptions options,
        IReadOnlyCollection<RetainedPathway> pathways,
        IReadOnlyDictionary<Guid, PurgeNotice> notices,
        IReadOnlySet<Guid> erased,
        DateOnly today,
        DateTimeOffset now)
    {
        var archivings = pathways
            .Where(p => p.ArchivedOn is null && today >= ArchiveOn(options, p.Programme, p.LastContactOn))
            .Select(p => new PathwayArchived(p.PathwayId, today, p.LastContactOn, now))
            .ToList();
        var archivedNow = archivings.Select(a => a.PathwayId).ToHashSet();

        var announcements = new List<PurgeNotice>();
        var cancellations = new List<Guid>();
        var erasures = new List<Guid>();
        foreach (var person in pathways.GroupBy(p => p.PersonId))
        {
            notices.TryGetValue(person.Key, out var notice);
            if (erased.Contains(person.Key)) continue;
            var archivedOn = person.Select(p => p.ArchivedOn ?? (archivedNow.Contains(p.PathwayId) ? today : (DateOnly?)null)).ToList();
            if (archivedOn.Any(d => d is null))
            {
                // A pathway of theirs is active again (a new referral): the purge no longer applies.
                if (notice is { ErasureRequestedOn: null }) cancellations.Add(person.Key);
                continue;
            }
            if (notice is null)
            {
                var dueOn = person.Zip(archivedOn, (p, on) => PurgeDueOn(options, p.Programme, on!.Value)).Max();
                if (today < dueOn.AddDays(-options.NoticeDays)) continue;
                var purgeOn = dueOn > today.AddDays(options.NoticeDays) ? dueOn : today.AddDays(options.NoticeDays);
                announcements.Add(new PurgeNotice
                {
                    Id = person.Key,
                    Programmes = person.Select(p => p.Programme).Distinct().Order(StringComparer.Ordinal).ToList(),
                    Pathways = person.Count(),
                    DueOn = dueOn,
                    AnnouncedOn = today,
                    PurgeOn = purgeOn,
                });
            }
            else if (notice.ErasureRequestedOn is null && today >= notice.EffectiveOn)
            {
                erasures.Add(person.Key);
            }
        }
        return new RetentionPlan(archivings, announcements, cancellations, erasures);
    }
}
