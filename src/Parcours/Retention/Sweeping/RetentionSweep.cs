using Marten;
using Microsoft.Extensions.Options;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Privacy.Erasing;
using Parcours.Retention.Purging;
using Wolverine;

namespace Parcours.Retention.Sweeping;

/// <summary>
/// The daily retention sweep (a Wolverine scheduled message). <see cref="Token"/> names the
/// schedule that sent it: only the current schedule's sweep schedules the next one, so restarts
/// never multiply the chain. A sweep sent by hand (no token) sweeps and schedules nothing.
/// </summary>
public sealed record RetentionSweep(Guid? Token = null);

/// <summary>The current schedule of the sweep (one document).</summary>
public sealed class RetentionSchedule
{
    public const string Current = "retention-sweep";
    public string Id { get; set; } = Current;
    public Guid Token { get; set; }
    public DateTimeOffset NextRunAt { get; set; }

    /// <summary>The next run at the configured hour, Paris time, strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAfter(DateTimeOffset now, int hour)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTime(now, paris);
        var candidate = new DateTime(local.Year, local.Month, local.Day, hour, 0, 0, DateTimeKind.Unspecified);
        if (candidate <= local.DateTime) candidate = candidate.AddDays(1);
        return new DateTimeOffset(candidate, paris.GetUtcOffset(candidate));
    }
}

/// <summary>
/// Archives what is due, announces purges, sends the erasures whose notice ran out. Everything is
/// judged against the application's clock, so a sweep early, late or twice is harmless.
/// </summary>
public static class RetentionSweepHandler
{
    public static async Task<OutgoingMessages> Handle(RetentionSweep message, IDocumentSession session, TimeProvider time, IOptions<RetentionOptions> options, CancellationToken ct)
    {
        var policy = options.Value;
        var today = time.Today();
        var now = time.GetUtcNow();

        // Candidates: pathways whose shortest active period ran out, plus the people with a notice.
        var shortest = policy.Programmes.Values.Append(policy.Default).Min(p => p.ActiveYears);
        var staleBefore = today.AddYears(-shortest);
        var noticed = await session.Query<PurgeNotice>().ToListAsync(ct);
        var noticedIds = noticed.Select(n => n.Id).ToList();
        var people = await session.Query<PathwayFile>()
            .Where(f => f.ArchivedOn != null || f.LastDate <= staleBefore || f.PersonId.IsOneOf(noticedIds))
            .Select(f => f.PersonId)
            .Distinct()
            .ToListAsync(ct);
        var files = await session.Query<PathwayFile>().Where(f => f.PersonId.IsOneOf(people.ToList())).ToListAsync(ct);
        var keys = await session.LoadManyAsync<PersonKey>(ct, people);
        var erased = people.Except(keys.Select(k => k.Id)).ToHashSet();

        var plan = RetentionPlan.Decide(policy,
            files.Select(f => new RetainedPathway(f.Id, f.PersonId, f.Programme, f.LastDate, f.ArchivedOn)).ToList(),
            noticed.ToDictionary(n => n.Id), erased, today, now);

        foreach (var archived in plan.Archivings)
        {
            // Fetched for writing so the file's version follows, and a command racing the sweep fails with a conflict.
            var stream = await session.Events.FetchForWriting<Pathway>(archived.PathwayId, ct);
            if (stream.Aggregate is { Archived: false }) stream.AppendOne(archived);
        }
        foreach (var notice in plan.Announcements) session.Store(notice);
        foreach (var person in plan.Cancellations) session.Delete<PurgeNotice>(person);

        var messages = new OutgoingMessages();
        foreach (var person in plan.Erasures)
        {
            var notice = noticed.Single(n => n.Id == person);
            notice.ErasureRequestedOn = today;
            session.Store(notice);
            messages.Add(new ErasePerson(person, ErasureGround.Retention, null));
        }

        if (message.Token is { } token && await session.LoadAsync<RetentionSchedule>(RetentionSchedule.Current, ct) is { } schedule && schedule.Token == token)
        {
            schedule.NextRunAt = RetentionSchedule.NextAfter(now, policy.SweepHour);
            session.Store(schedule);
            messages.Add(message.ScheduledAt(schedule.NextRunAt));
        }
        return messages;
    }
}
