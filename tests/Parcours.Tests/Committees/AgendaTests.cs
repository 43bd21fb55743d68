using Parcours.Committees;
using Parcours.Identity;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Committees;

/// <summary>Building the agenda, adding and withdrawing items, through the API on a real store.</summary>
public sealed class AgendaTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<Guid> Sas() => Host.Referred(SasReferral(), Staff.SasEducator);
    private Task<Guid> CiteYoung() => Host.Referred(CiteReferral(YoungAdult(19)) with { Track = "JEUNES" }, Staff.CiteAdviser);
    private Task<Guid> CiteAdult() => Host.Referred(CiteReferral(), Staff.CiteAdviser);

    [Fact]
    public async Task the_mutualised_committee_lists_young_people_awaiting_orientation_and_the_adults_committee_the_adults()
    {
        var sas = await Sas();
        var citeYoung = await CiteYoung();
        var citeAdult = await CiteAdult();
        await Host.Referred(PreReferral());
        await Host.Referred(MdfReferral(), Staff.MdfWorker);
        var mutualised = await Host.ScheduledCommittee();
        var adults = await Host.ScheduledCommittee(CommitteeKind.CiteAdults, owners: [Parcours.Reference.Structures.FabriqueDefi]);

        await Host.BuildAgenda(mutualised);
        await Host.BuildAgenda(adults, Staff.CiteCoordinator);

        Assert.Equal(new[] { sas, citeYoung }.Order(), (await Host.Listed(mutualised)).Select(i => i.Pathway).Order());
        Assert.All(await Host.Listed(mutualised), i => Assert.Equal(AgendaReason.AwaitingOrientation, i.Reason));
        Assert.Equal([citeAdult], (await Host.Listed(adults)).Select(i => i.Pathway));
    }

    [Fact]
    public async Task building_the_agenda_twice_adds_nothing_the_second_time()
    {
        await Sas();
        var committee = await Host.ScheduledCommittee();
        var first = await Host.Done($"/api/committees/{committee}/agenda/build", new { }, Staff.SasCoordinator);
        var second = await Host.Done($"/api/committees/{committee}/agenda/build", new { expectedVersion = first.Version }, Staff.SasCoordinator);

        Assert.Equal(first.Version, second.Version);
        Assert.Single(await Host.Listed(committee));
    }

    [Fact]
    public async Task someone_with_an_orientation_pending_or_an_accompaniment_started_awaits_no_orientation()
    {
        var oriented = await Sas();
        await Host.Done($"/api/pathways/{oriented}/orientations", new { destination = "CEJ", proposedOn = Today }, Staff.SasEducator, 201);
        var started = await Sas();
        await Host.Done($"/api/pathways/{started}/acceptance", new { acceptedOn = Today }, Staff.SasEducator);
        await Host.Done($"/api/pathways/{started}/accompaniment", new { startedOn = Today, referentWorkerId = Staff.SasEducator.Id }, Staff.SasEducator);
        var waiting = await Sas();
        var committee = await Host.ScheduledCommittee();

        await Host.BuildAgenda(committee);

        Assert.Equal([waiting], (await Host.Listed(committee)).Select(i => i.Pathway));
    }

    [Fact]
    public async Task the_pre_team_lists_its_neighbourhoods_new_referrals_and_the_pathways_due_for_review()
    {
        var newInBeauMarais = await Host.Referred(PreReferral());
        await Host.Referred(PreReferral() with { TerritoryCode = "FNCSP-TUNIS" });
        var active = await Host.ActivePathway();

        var soon = await Host.ScheduledCommittee(CommitteeKind.PreTeam, Today.AddDays(70));
        await Host.BuildAgenda(soon, Staff.PreCoordinator);
        Assert.Equal([(newInBeauMarais, AgendaReason.NewReferral)], await Host.Listed(soon));

        var later = await Host.ScheduledCommittee(CommitteeKind.PreTeam, Today.AddMonths(4));
        await Host.BuildAgenda(later, Staff.PreCoordinator);
        Assert.Contains((active, AgendaReason.DueForReview), await Host.Listed(later));

        await Host.CommitteeDecided(active, Today.AddMonths(2));
        var afterReview = await Host.ScheduledCommittee(CommitteeKind.PreTeam, Today.AddMonths(4));
        await Host.BuildAgenda(afterReview, Staff.PreCoordinator);
        Assert.DoesNotContain(active, (await Host.Listed(afterReview)).Select(i => i.Pathway));
    }

    [Fact]
    public async Task only_the_conveners_build_the_agenda_and_strangers_do_not_learn_the_sitting_exists()
    {
        var committee = await Host.ScheduledCommittee();
        await Host.Refused($"/api/committees/{committee}/agenda/build", new { }, 403, Staff.SchoolWorker);
        var (_, hidden) = await Host.Refused($"/api/committees/{committee}/agenda/build", new { }, 404, Staff.MdfWorker);
        var (_, unknown) = await Host.Refused($"/api/committees/{Guid.NewGuid()}/agenda/build", new { }, 404, Staff.MdfWorker);
        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        await Host.Refused($"/api/committees/{committee}/agenda/build", new { }, 404, Staff.StatisticsCoordinator);
    }

    [Fact]
    public async Task a_coordinator_adds_a_pathway_they_follow_or_an_eligible_one_and_nothing_else()
    {
        var followed = await Host.Referred(SasReferral(), Staff.SasCoordinator);
        await Host.Done($"/api/pathways/{followed}/acceptance", new { acceptedOn = Today }, Staff.SasCoordinator);
        await Host.Done($"/api/pathways/{followed}/accompaniment", new { startedOn = Today, referentWorkerId = Staff.SasCoordinator.Id }, Staff.SasCoordinator);
        var eligibleElsewhere = await CiteYoung();
        var preCase = await Host.Referred(PreReferral());
        var committee = await Host.ScheduledCommittee();

        await Host.Created($"/api/committees/{committee}/agenda/items", new { pathwayId = followed }, Staff.SasCoordinator);
        await Host.Created($"/api/committees/{committee}/agenda/items", new { pathwayId = eligibleElsewhere }, Staff.SasCoordinator);
        var (_, hidden) = await Host.Refused($"/api/committees/{committee}/agenda/items", new { pathwayId = preCase }, 404, Staff.SasCoordinator);
        var (_, unknown) = await Host.Refused($"/api/committees/{committee}/agenda/items", new { pathwayId = Guid.NewGuid() }, 404, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{committee}/agenda/items", new { pathwayId = followed }, 409, Staff.SasCoordinator);

        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        Assert.Equal(new[] { (followed, AgendaReason.AddedByCoordinator), (eligibleElsewhere, AgendaReason.AddedByCoordinator) }, await Host.Listed(committee));
    }

    [Fact]
    public async Task a_sealed_pathway_cannot_be_added_and_is_answered_like_an_unknown_one()
    {
        var sealedCase = await Host.Referred(MdfReferral(SharingScenarios.YoungAdult(20) with { Sex = Parcours.Kernel.Sex.F }), Staff.MdfWorker);
        var committee = await Host.ScheduledCommittee();

        var (_, hidden) = await Host.Refused($"/api/committees/{committee}/agenda/items", new { pathwayId = sealedCase }, 404, Staff.SasCoordinator);
        var (_, unknown) = await Host.Refused($"/api/committees/{committee}/agenda/items", new { pathwayId = Guid.NewGuid() }, 404, Staff.SasCoordinator);

        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        Assert.Empty(await Host.Listed(committee));
        Assert.Contains(await Host.TrailOf(sealedCase), e => e.Action == "committee.agenda.add" && e.Outcome == "Refused");
    }

    [Fact]
    public async Task a_withdrawn_item_leaves_the_agenda_and_cannot_be_withdrawn_twice()
    {
        await Sas();
        var committee = await Host.ScheduledCommittee();
        await Host.BuildAgenda(committee);
        var item = (await Host.Agenda(committee, Staff.SasCoordinator)).Items.Single().ItemId;

        await Host.Refused($"/api/committees/{committee}/agenda/items/{item}/withdrawal", new { }, 403, Staff.SchoolWorker);
        await Host.Done($"/api/committees/{committee}/agenda/items/{item}/withdrawal", new { }, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{committee}/agenda/items/{item}/withdrawal", new { }, 409, Staff.SasCoordinator);
        await Host.Refused($"/api/committees/{committee}/agenda/items/{Guid.NewGuid()}/withdrawal", new { }, 404, Staff.SasCoordinator);

        Assert.Empty((await Host.Agenda(committee, Staff.SasCoordinator)).Items);
    }

    [Fact]
    public async Task a_stale_version_is_a_conflict()
    {
        var committee = await Host.ScheduledCommittee();
        await Sas();
        await Host.BuildAgenda(committee);
        await Host.Refused($"/api/committees/{committee}/agenda/build", new { expectedVersion = 1 }, 409, Staff.SasCoordinator);
    }
}
