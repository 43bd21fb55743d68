using Alba;
using Marten;
using Parcours.Identity;
using Parcours.Pathways.GettingDetails;
using Parcours.Privacy.Erasing;
using Parcours.Retention.Purging;
using Parcours.Retention.Queue;
using Parcours.Retention.Sweeping;
using Parcours.Tests.Support;
using Wolverine.Tracking;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Privacy;

/// <summary>Retention on the application's clock: archive after two years without contact, anonymisation after the archive period and the notice.</summary>
public sealed class RetentionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>Moves the server's clock to <paramref name="day"/> (a day after, for the Paris/UTC margin).</summary>
    private void MoveTo(DateOnly day) => Clock.Shift = TimeSpan.FromDays(day.DayNumber - Today.DayNumber + 1);

    private async Task<ITrackedSession> SweepAsync() => await Host.InvokeMessageAndWaitAsync(new RetentionSweep());

    private static Guid[] Erasures(ITrackedSession tracked) =>
        tracked.FindEnvelopesWithMessageType<ErasePerson>().Select(e => ((ErasePerson)e.Message!).PersonId).Distinct().ToArray();

    private async Task<int> Status(string url, Habilitation by) =>
        (await Host.Scenario(s => { s.As(by); s.Get.Url(url); s.IgnoreStatusCode(); })).Context.Response.StatusCode;

    private async Task<RetentionQueue> Queue() =>
        await (await Host.Scenario(s => { s.As(Staff.DataProtectionOfficer); s.Get.Url("/api/retention"); })).Read<RetentionQueue>();

    /// <summary>An active PRE pathway whose last contact is the accompaniment's start, eight days ago.</summary>
    private async Task<(Guid Pathway, Guid Person, DateOnly LastContact)> FollowedChild()
    {
        var pathway = await Host.ActivePathway();
        var file = await Host.PathwayFile(pathway);
        return (pathway, file.Person.Id, file.LastDate);
    }

    [Fact]
    public async Task a_pathway_without_contact_for_two_years_moves_to_the_archive_on_the_application_clock()
    {
        var (pathway, _, lastContact) = await FollowedChild();

        MoveTo(lastContact.AddYears(2).AddDays(-3));
        await SweepAsync();
        Assert.Null((await Host.PathwayFile(pathway, Staff.PreCoordinator)).Timeline.FirstOrDefault(t => t.Kind == "archived"));
        Assert.Contains((await Queue()).Archivings, a => a.PathwayId == pathway && a.ArchiveOn == lastContact.AddYears(2));

        MoveTo(lastContact.AddYears(2));
        await SweepAsync();
        await SweepAsync();
        var file = await Host.PathwayFile(pathway, Staff.PreCoordinator);
        Assert.Single(file.Timeline, t => t.Kind == "archived");
        Assert.False(file.MayAct);
        var archived = Assert.Single((await Queue()).Archived);
        Assert.Equal(archived.ArchivedOn.AddYears(3), archived.PurgeDueOn);
        Assert.DoesNotContain((await Queue()).Archivings, a => a.PathwayId == pathway);
    }

    [Fact]
    public async Task an_archived_file_is_hidden_from_its_referent_and_readable_by_the_coordinator_and_the_officer()
    {
        var (pathway, _, lastContact) = await FollowedChild();
        MoveTo(lastContact.AddYears(2));
        await SweepAsync();

        Assert.Equal(404, await Status($"/api/pathways/{pathway}", Staff.PreReferent));
        Assert.Equal(200, await Status($"/api/pathways/{pathway}", Staff.PreCoordinator));
        Assert.Equal(404, await Status($"/api/pathways/{pathway}", Staff.DataProtectionOfficer));
        Assert.Equal(403, await Status($"/api/retention/archives/{pathway}", Staff.PreCoordinator));
        var officer = await (await Host.Scenario(s => { s.As(Staff.DataProtectionOfficer); s.Get.Url($"/api/retention/archives/{pathway}"); })).Read<PathwayDetails>();
        Assert.Equal("Léo", officer.Person.FirstName);
        Assert.False(officer.MayAct);

        var caseload = await (await Host.Scenario(s => { s.As(Staff.PreCoordinator); s.Get.Url("/api/pathways"); })).ReadAsTextAsync();
        Assert.DoesNotContain(pathway.ToString(), caseload);
    }

    [Fact]
    public async Task the_officer_reads_only_archived_files_through_the_archive()
    {
        var (pathway, _, _) = await FollowedChild();
        Assert.Equal(404, await Status($"/api/retention/archives/{pathway}", Staff.DataProtectionOfficer));
        Assert.Equal(404, await Status($"/api/retention/archives/{Guid.CreateVersion7()}", Staff.DataProtectionOfficer));
    }

    [Fact]
    public async Task an_archived_pathway_refuses_every_command_even_to_its_coordinator()
    {
        var (pathway, _, lastContact) = await FollowedChild();
        var version = (await Host.PathwayFile(pathway, Staff.PreCoordinator)).Version;
        MoveTo(lastContact.AddYears(2));
        await SweepAsync();

        var (problem, _) = await Host.Refused($"/api/pathways/{pathway}/reviews", new { reviewedOn = Today, summary = "Point d'étape." }, 409, Staff.PreCoordinator);
        Assert.Contains("archive restreinte", problem.Detail);
        await Host.Refused($"/api/pathways/{pathway}/exit", new { exitedOn = Today, outcome = "RETOUR-SCOLARITE" }, 409, Staff.PreCoordinator);
        await Host.Refused($"/api/pathways/{pathway}/reviews", new { reviewedOn = Today, summary = "Point d'étape." }, 404, Staff.PreReferent);
        Assert.Equal(version + 1, (await Host.PathwayFile(pathway, Staff.PreCoordinator)).Version);
    }

    [Fact]
    public async Task after_the_archive_period_and_the_notice_the_person_is_anonymised()
    {
        var (pathway, person, lastContact) = await FollowedChild();
        var archiveOn = lastContact.AddYears(2);
        MoveTo(archiveOn);
        await SweepAsync();
        var archivedOn = (await Queue()).Archived.Single().ArchivedOn;
        var dueOn = archivedOn.AddYears(3);

        MoveTo(dueOn.AddDays(-35)); // well before the notice: a day either side of midnight in Paris does not matter
        Assert.Empty(Erasures(await SweepAsync()));
        Assert.Empty((await Queue()).Purges);

        MoveTo(dueOn.AddDays(-30));
        Assert.Empty(Erasures(await SweepAsync()));
        var purge = Assert.Single((await Queue()).Purges);
        Assert.Equal(person, purge.PersonId);

        MoveTo(purge.PurgeOn);
        Assert.Equal([person], Erasures(await SweepAsync()));
        Assert.Empty(Erasures(await SweepAsync()));
        // The erasure handler removed every document keyed by the person, the notice included.
        Assert.Empty((await Queue()).Purges);
        var register = await (await Host.Scenario(s => { s.As(Staff.DataProtectionOfficer); s.Get.Url("/api/privacy/erasures"); })).Read<List<Parcours.Privacy.Erasing.ErasureLogEntry>>();
        Assert.Equal((person, Parcours.Privacy.Erasing.ErasureGround.Retention, true), (register.Single().PersonId, register.Single().Ground, register.Single().Report!.Clean));
        Assert.Equal(404, await Status($"/api/pathways/{pathway}", Staff.PreReferent));
    }

    [Fact]
    public async Task the_officer_postpones_a_purge_with_a_reason_and_the_erasure_waits()
    {
        var (_, person, lastContact) = await FollowedChild();
        MoveTo(lastContact.AddYears(2));
        await SweepAsync();
        MoveTo((await Queue()).Archived.Single().PurgeDueOn.AddDays(-30));
        await SweepAsync();
        var purge = Assert.Single((await Queue()).Purges);
        var until = purge.PurgeOn.AddDays(45);

        await Host.Refused($"/api/retention/purges/{person}/postponement", new { until, reason = "" }, 400, Staff.DataProtectionOfficer);
        await Host.Refused($"/api/retention/purges/{person}/postponement", new { until, reason = "Contentieux en cours" }, 403, Staff.PreCoordinator);
        await Host.Refused($"/api/retention/purges/{Guid.CreateVersion7()}/postponement", new { until, reason = "Contentieux en cours" }, 404, Staff.DataProtectionOfficer);
        await Host.Done($"/api/retention/purges/{person}/postponement", new { until, reason = "Contentieux en cours devant le tribunal administratif" }, Staff.DataProtectionOfficer);
        Assert.Equal(until, Assert.Single((await Queue()).Purges).PurgeOn);

        MoveTo(purge.PurgeOn);
        Assert.Empty(Erasures(await SweepAsync()));
        MoveTo(until);
        Assert.Equal([person], Erasures(await SweepAsync()));

        await using var session = Store.QuerySession();
        var notice = (await session.LoadAsync<PurgeNotice>(person))!;
        Assert.DoesNotContain("Contentieux", System.Text.Json.JsonSerializer.Serialize(notice));
    }

    [Fact]
    public async Task a_person_with_another_active_pathway_is_not_erased()
    {
        var (_, person, lastContact) = await FollowedChild();
        MoveTo(lastContact.AddYears(2));
        await SweepAsync();
        var announceOn = (await Queue()).Archived.Single().PurgeDueOn.AddDays(-30);
        MoveTo(announceOn);
        await SweepAsync();
        var purge = Assert.Single((await Queue()).Purges);

        // The same child is referred again to the PRE during the notice period: the purge is called off.
        await Host.Referred(PreReferral(on: announceOn) with { PersonId = person, Person = null }, Staff.PreCoordinator);

        MoveTo(purge.PurgeOn);
        Assert.Empty(Erasures(await SweepAsync()));
        Assert.Empty((await Queue()).Purges);
    }

    [Fact]
    public async Task only_the_officer_reads_the_retention_queue()
    {
        Assert.Equal(403, await Status("/api/retention", Staff.PreCoordinator));
        Assert.Equal(403, await Status("/api/retention", Staff.StatisticsCoordinator));
        var queue = await Queue();
        Assert.Contains(queue.Policies, p => p.Programme == "PRE" && p.ActiveYears == 2 && p.ArchiveYears == 3 && p.NoticeDays == 30);
        Assert.Contains(queue.Policies, p => p.Programme == "MDF");
    }

    [Fact]
    public async Task the_scheduled_sweep_schedules_the_next_one_and_a_stale_chain_stops()
    {
        var token = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession())
        {
            session.Store(new RetentionSchedule { Token = token, NextRunAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }

        var tracked = await Host.InvokeMessageAndWaitAsync(new RetentionSweep(token));
        var next = Assert.Single(tracked.Scheduled.Envelopes(), e => e.Message is RetentionSweep);
        Assert.Equal(token, ((RetentionSweep)next.Message!).Token);
        Assert.True(next.ScheduledTime > DateTimeOffset.UtcNow && next.ScheduledTime <= DateTimeOffset.UtcNow.AddDays(1));

        var stale = await Host.InvokeMessageAndWaitAsync(new RetentionSweep(Guid.CreateVersion7()));
        Assert.DoesNotContain(stale.Scheduled.Envelopes(), e => e.Message is RetentionSweep);
    }
}
