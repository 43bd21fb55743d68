using Parcours.Pathways;
using Parcours.Retention;
using Parcours.Retention.Postponing;
using Parcours.Retention.Purging;
using Parcours.Retention.Sweeping;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Privacy;

/// <summary>The retention sweep's pure decisions, on a fixed calendar.</summary>
public sealed class RetentionPlanTests
{
    private static readonly RetentionOptions Options = new();
    private static readonly Guid Person = Guid.Parse("0196c000-0000-7000-8000-0000000000aa");

    private static RetainedPathway Pathway(string programme, DateOnly lastContact, DateOnly? archivedOn = null, Guid? person = null) =>
        new(Guid.CreateVersion7(), person ?? Person, programme, lastContact, archivedOn);

    private static RetentionPlan Sweep(DateOnly today, IReadOnlyDictionary<Guid, PurgeNotice>? notices = null, IReadOnlySet<Guid>? erased = null, params RetainedPathway[] pathways) =>
        RetentionPlan.Decide(Options, pathways, notices ?? new Dictionary<Guid, PurgeNotice>(), erased ?? new HashSet<Guid>(), today, Now);

    [Fact]
    public void a_pathway_is_archived_two_years_after_its_last_contact_and_not_a_day_before()
    {
        var pathway = Pathway("PRE", Today.AddYears(-2).AddDays(1));
        Assert.Empty(Sweep(Today, pathways: pathway).Archivings);

        var due = Pathway("PRE", Today.AddYears(-2));
        var archived = Assert.Single(Sweep(Today, pathways: due).Archivings);
        Assert.Equal(new PathwayArchived(due.PathwayId, Today, due.LastContactOn, Now), archived);
    }

    [Fact]
    public void an_archived_pathway_is_not_archived_again()
    {
        Assert.Empty(Sweep(Today, pathways: Pathway("PRE", Today.AddYears(-4), Today.AddYears(-2))).Archivings);
    }

    [Fact]
    public void a_purge_is_announced_the_notice_period_before_the_end_of_the_archive_period()
    {
        var archivedOn = Today.AddYears(-3).AddDays(30);
        var pathway = Pathway("SAS", archivedOn.AddYears(-2), archivedOn);
        Assert.Empty(Sweep(Today.AddDays(-1), pathways: pathway).Announcements);

        var notice = Assert.Single(Sweep(Today, pathways: pathway).Announcements);
        Assert.Equal(Person, notice.Id);
        Assert.Equal(Today.AddDays(30), notice.PurgeOn);
        Assert.Equal(["SAS"], notice.Programmes);
        Assert.Empty(Sweep(Today, pathways: pathway).Erasures);
    }

    [Fact]
    public void a_purge_found_late_still_gets_its_full_notice_period()
    {
        var pathway = Pathway("PRE", Today.AddYears(-10), Today.AddYears(-8));
        var notice = Assert.Single(Sweep(Today, pathways: pathway).Announcements);
        Assert.Equal(Today.AddDays(Options.NoticeDays), notice.PurgeOn);
    }

    [Fact]
    public void the_erasure_is_sent_on_the_announced_day_once()
    {
        var pathway = Pathway("PRE", Today.AddYears(-6), Today.AddYears(-4));
        var notice = new PurgeNotice { Id = Person, PurgeOn = Today, AnnouncedOn = Today.AddDays(-30) };
        var notices = new Dictionary<Guid, PurgeNotice> { [Person] = notice };

        Assert.Empty(Sweep(Today.AddDays(-1), notices, pathways: pathway).Erasures);
        Assert.Equal([Person], Sweep(Today, notices, pathways: pathway).Erasures);

        notice.ErasureRequestedOn = Today;
        Assert.Empty(Sweep(Today.AddDays(1), notices, pathways: pathway).Erasures);
        Assert.Empty(Sweep(Today.AddDays(1), notices, pathways: pathway).Announcements);
    }

    [Fact]
    public void a_postponed_purge_waits_for_its_new_day()
    {
        var pathway = Pathway("PRE", Today.AddYears(-6), Today.AddYears(-4));
        var notice = new PurgeNotice { Id = Person, PurgeOn = Today, Postponements = [new Postponement(Today.AddDays(60), null, Worker.Id, Now)] };
        var notices = new Dictionary<Guid, PurgeNotice> { [Person] = notice };

        Assert.Empty(Sweep(Today.AddDays(59), notices, pathways: pathway).Erasures);
        Assert.Equal([Person], Sweep(Today.AddDays(60), notices, pathways: pathway).Erasures);
    }

    [Fact]
    public void a_person_with_another_active_pathway_is_neither_announced_nor_erased()
    {
        var old = Pathway("PRE", Today.AddYears(-10), Today.AddYears(-8));
        var current = Pathway("SAS", Today.AddDays(-3));
        var plan = Sweep(Today, pathways: [old, current]);
        Assert.Empty(plan.Announcements);
        Assert.Empty(plan.Erasures);

        var notices = new Dictionary<Guid, PurgeNotice> { [Person] = new() { Id = Person, PurgeOn = Today } };
        var withNotice = Sweep(Today, notices, pathways: [old, current]);
        Assert.Equal([Person], withNotice.Cancellations);
        Assert.Empty(withNotice.Erasures);
    }

    [Fact]
    public void the_last_archive_period_of_a_person_decides_their_purge()
    {
        var early = Pathway("PRE", Today.AddYears(-7), Today.AddYears(-5));
        var late = Pathway("SAS", Today.AddYears(-3), Today.AddYears(-1));
        Assert.Empty(Sweep(Today, pathways: [early, late]).Announcements);
        var notice = Assert.Single(Sweep(Today.AddYears(2).AddDays(-30), pathways: [early, late]).Announcements);
        Assert.Equal(Today.AddYears(2), notice.DueOn);
    }

    [Fact]
    public void an_erased_person_is_not_purged_again()
    {
        var pathway = Pathway("PRE", Today.AddYears(-10), Today.AddYears(-8));
        var plan = Sweep(Today, erased: new HashSet<Guid> { Person }, pathways: pathway);
        Assert.Empty(plan.Announcements);
        Assert.Empty(plan.Erasures);
    }

    [Fact]
    public void the_periods_come_from_the_programme_policy()
    {
        var options = new RetentionOptions { Programmes = { ["MDF"] = new RetentionPolicy { ActiveYears = 1, ArchiveYears = 5 } } };
        Assert.Equal(Today.AddYears(1), RetentionPlan.ArchiveOn(options, "MDF", Today));
        Assert.Equal(Today.AddYears(2), RetentionPlan.ArchiveOn(options, "SAS", Today));
        Assert.Equal(Today.AddYears(5), RetentionPlan.PurgeDueOn(options, "MDF", Today));
        Assert.Equal(Today.AddYears(3), RetentionPlan.PurgeDueOn(options, "PRE", Today));
    }

    [Fact]
    public void a_postponement_needs_a_reason_and_a_later_day_within_a_year()
    {
        var notice = new PurgeNotice { Id = Person, PurgeOn = Today.AddDays(20) };
        Assert.Equal("reason", PostponePurgeHandler.Decide(notice, Today.AddDays(40), " ", Today, Options)!.Field);
        Assert.Equal("until", PostponePurgeHandler.Decide(notice, Today.AddDays(20), "Contentieux en cours", Today, Options)!.Field);
        Assert.Equal("until", PostponePurgeHandler.Decide(notice, Today.AddDays(366), "Contentieux en cours", Today, Options)!.Field);
        Assert.Null(PostponePurgeHandler.Decide(notice, Today.AddDays(40), "Contentieux en cours", Today, Options));

        notice.ErasureRequestedOn = Today;
        Assert.Equal(409, PostponePurgeHandler.Decide(notice, Today.AddDays(40), "Contentieux en cours", Today, Options)!.Status);
    }

    [Fact]
    public void an_archived_pathway_is_frozen()
    {
        Assert.Same(PathwayRules.Archived, PathwayRules.NotFrozen(Given(Referred(), new PathwayArchived(PathwayId, Today, ReferralDay, Now))));
        Assert.Null(PathwayRules.NotFrozen(Given(Referred())));
    }

    [Fact]
    public void an_archived_pathway_takes_no_committee_decision_reminder_or_expiry()
    {
        var proposed = Proposed();
        var archived = Given(Referred(), proposed, new PathwayArchived(PathwayId, Today, proposed.ProposedOn, Now));
        var decision = new Parcours.Pathways.Orienting.ApplyCommitteeDecision(PathwayId, Guid.CreateVersion7(), Guid.CreateVersion7(),
            Parcours.Committees.CommitteeKind.PreTeam, Parcours.Committees.ItemOutcome.Continue, null, null, null, null, [], null, Today, Worker.Id, Now);

        Assert.Empty(Parcours.Pathways.Orienting.ApplyCommitteeDecisionHandler.Decide(archived, decision, []).Events);
        Assert.Empty(Parcours.Orientations.Reminding.OrientationDeadlineHandler.Remind(archived, OrientationId, new(), Today.AddYears(1), Now).Events);
        Assert.Empty(Parcours.Orientations.Reminding.OrientationDeadlineHandler.Expire(archived, OrientationId, new(), Today.AddYears(1), Now).Events);
        Assert.NotEmpty(Parcours.Pathways.Orienting.ApplyCommitteeDecisionHandler.Decide(Given(Referred(), proposed), decision, []).Events);
    }
}
