using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.HandingOver;
using Parcours.People;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Pathways;

/// <summary>Hand-over-by-age alerts of a worker's caseload, with the server's clock moved forward.</summary>
public sealed class HandOverTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<IReadOnlyList<HandOverAlert>> Alerts(Habilitation by) => Host.GetJson<IReadOnlyList<HandOverAlert>>("/api/pathways/handover-alerts", by);

    private static NewPerson Born(DateOnly birth, string first = "Léo", Sex sex = Sex.M) => new(first, "Dupont", birth, sex, "12 rue Greuze, Calais", "0600000000", null);

    [Fact]
    public async Task a_pre_child_is_flagged_six_months_before_turning_16()
    {
        var sixteenOn = Today.AddMonths(7);
        var id = await Host.Referred(PreReferral(Born(sixteenOn.AddYears(-16))));
        Assert.Empty(await Alerts(Staff.PreReferent));

        Clock.Shift = TimeSpan.FromDays(35);

        var alert = Assert.Single(await Alerts(Staff.PreReferent));
        Assert.Equal((id, HandOverKind.TurningSixteen, sixteenOn), (alert.PathwayId, alert.Kind, alert.On));
        Assert.Equal("Léo DUPONT", alert.DisplayName);
    }

    [Fact]
    public async Task a_sas_young_person_is_flagged_for_the_adults_committee_six_months_before_turning_26()
    {
        var soon = await Host.Referred(SasReferral(Born(Today.AddYears(-26).AddMonths(5), "Yanis")), Staff.SasEducator);
        await Host.Referred(SasReferral(Born(Today.AddYears(-26).AddMonths(8), "Adam")), Staff.SasEducator);

        Assert.Equal([(soon, HandOverKind.TurningTwentySix)], (await Alerts(Staff.SasEducator)).Select(a => (a.PathwayId, a.Kind)));
        Clock.Shift = TimeSpan.FromDays(95);
        Assert.Equal(2, (await Alerts(Staff.SasEducator)).Count);
    }

    [Fact]
    public async Task a_minor_under_the_parents_consent_is_flagged_before_18_and_after_until_their_own_consent_is_recorded()
    {
        var eighteenOn = Today.AddMonths(2);
        var id = await Host.Referred(SasReferral(Born(eighteenOn.AddYears(-18), "Inès", Sex.F)), Staff.SasEducator);
        await Host.ParentsInformed(id, Staff.SasEducator);
        await Host.Consent(id, ConsentPurpose.CommitteeExamination, [], byParents: true, Staff.SasEducator);

        Assert.Equal([(HandOverKind.TurningEighteen, eighteenOn)], (await Alerts(Staff.SasEducator)).Select(a => (a.Kind, a.On)));

        Clock.Shift = TimeSpan.FromDays(75);
        Assert.Equal([HandOverKind.AdultUnderParentsConsent], (await Alerts(Staff.SasEducator)).Select(a => a.Kind));

        await Host.Consent(id, ConsentPurpose.CommitteeExamination, [], byParents: false, Staff.SasEducator, givenOn: eighteenOn);
        Assert.Empty(await Alerts(Staff.SasEducator));
    }

    [Fact]
    public async Task alerts_cover_only_the_pathways_the_workers_own_structure_follows()
    {
        await Host.PreCaseSharedWith(PreReferral(Born(Today.AddYears(-16).AddMonths(1))), Structures.CollegeLesDunes);

        Assert.Single(await Alerts(Staff.PreReferent));
        Assert.Empty(await Alerts(Staff.SchoolWorker));
        Assert.Empty(await Alerts(Staff.SasEducator));
        await Host.GetText("/api/pathways/handover-alerts", Staff.StatisticsCoordinator, 404);
    }

    [Fact]
    public async Task the_home_page_links_to_the_alerts_page_when_there_are_some()
    {
        Assert.DoesNotContain("href=\"/alertes\"", await Host.GetText("/", Staff.PreReferent, 200));
        var id = await Host.Referred(PreReferral(Born(Today.AddYears(-16).AddMonths(1))));

        Assert.Contains("href=\"/alertes\"", await Host.GetText("/", Staff.PreReferent, 200));
        var page = await Host.GetText("/alertes", Staff.PreReferent, 200);
        Assert.Contains($"/dossiers/{id}", page);
        Assert.Contains("Aura 16 ans le", page);
        Assert.Contains("proposer le SAS Coluche", page);
    }
}
