using System.Text.RegularExpressions;
using Parcours.Committees;
using Parcours.Committees.Dossiers;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.People;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Committees;

/// <summary>What members see of each agenda item: the charter gate, consent, anonymisation, the trail.</summary>
public sealed partial class DossierTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly NewPerson Yanis = new("Yanis", "Martinez", Today.AddYears(-20).AddDays(-45), Parcours.Kernel.Sex.M, "3 rue Matisse, Calais", "0622222222", null);

    /// <summary>A SAS young person awaiting orientation, on a mutualised sitting's agenda.</summary>
    private async Task<(Guid Committee, Guid Pathway)> Listed()
    {
        var pathway = await Host.Referred(SasReferral(Yanis), Staff.SasEducator);
        var committee = await Host.ScheduledCommittee();
        await Host.BuildAgenda(committee);
        return (committee, pathway);
    }

    [GeneratedRegex("/dossiers/[0-9a-f]{8}-")]
    private static partial Regex FileLink();

    [GeneratedRegex("^A-[A-Z2-9]{4}$")]
    private static partial Regex AnonymisedCode();

    [Fact]
    public async Task an_anonymised_item_holds_no_name_birth_date_free_text_or_id_to_open_the_file()
    {
        var (committee, pathway) = await Listed();
        var personId = (await Host.PathwayFile(pathway, Staff.SasEducator)).Person.Id;
        await Host.CharterAcknowledged(committee, Staff.SchoolWorker);

        var json = await Host.GetText($"/api/committees/{committee}/agenda", Staff.SchoolWorker, 200);
        var item = (await Host.Agenda(committee, Staff.SchoolWorker)).Items.Single();

        Assert.False(item.Named);
        Assert.Matches(AnonymisedCode(), item.Code);
        Assert.Null(item.PathwayId);
        Assert.Equal("18-25", item.AgeBand);
        Assert.Equal("Beau Marais", item.Neighbourhood);
        Assert.Contains("Beau Marais", item.Summary);
        foreach (var secret in new[] { "Yanis", "Martinez", "MARTINEZ", Yanis.BirthDate.ToString("yyyy-MM-dd"), Yanis.BirthDate.ToString("dd/MM/yyyy"),
                     "Matisse", "0622222222", "Rupture scolaire", pathway.ToString(), personId.ToString() })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task the_code_of_an_item_is_stable_from_one_request_to_the_next()
    {
        var (committee, _) = await Listed();
        var first = (await Host.Agenda(committee, Staff.SchoolWorker)).Items.Single().Code;
        Assert.Equal(first, (await Host.Agenda(committee, Staff.FranceTravailAdviser)).Items.Single().Code);
    }

    [Fact]
    public async Task nobody_sees_a_named_item_before_acknowledging_the_charter()
    {
        var (committee, pathway) = await Listed();

        var before = await Host.Agenda(committee, Staff.SasEducator);
        Assert.False(before.CharterAcknowledged);
        Assert.False(before.Items.Single().Named);
        Assert.Null(before.Items.Single().FirstName);
        Assert.Equal(CommitteeDossiers.CharterNotice, before.Notice);
        Assert.Equal($"/instances/{committee}/charte", before.CharterUrl);

        await Host.CharterAcknowledged(committee, Staff.SasEducator);

        var after = await Host.Agenda(committee, Staff.SasEducator);
        Assert.Null(after.Notice);
        var item = after.Items.Single();
        Assert.True(item.Named);
        Assert.Equal(("Yanis", "Martinez"), (item.FirstName, item.LastName));
        Assert.Equal("Rupture scolaire depuis un an.", item.Summary);
        Assert.Equal(pathway, item.PathwayId);
    }

    [Fact]
    public async Task a_partner_sees_the_name_only_under_a_committee_examination_consent_and_never_gets_the_file_link()
    {
        var (committee, pathway) = await Listed();
        await Host.CharterAcknowledged(committee, Staff.FranceTravailAdviser);
        Assert.False((await Host.Agenda(committee, Staff.FranceTravailAdviser)).Items.Single().Named);

        var consent = await Host.Consent(pathway, ConsentPurpose.CommitteeExamination, [], byParents: false, Staff.SasEducator);
        var named = (await Host.Agenda(committee, Staff.FranceTravailAdviser)).Items.Single();
        Assert.True(named.Named);
        Assert.Equal("Yanis", named.FirstName);
        Assert.Null(named.PathwayId);

        await Host.Withdraw(pathway, consent, Staff.SasEducator);
        var again = (await Host.Agenda(committee, Staff.FranceTravailAdviser)).Items.Single();
        Assert.False(again.Named);
        Assert.Null(again.FirstName);
    }

    [Fact]
    public async Task the_referent_structure_sees_its_own_pathway_named_after_the_charter_without_consent_others_do_not()
    {
        var (committee, pathway) = await Listed();
        foreach (var worker in new[] { Staff.SasEducator, Staff.CiteCoordinator, Staff.SchoolWorker }) await Host.CharterAcknowledged(committee, worker);

        var own = (await Host.Agenda(committee, Staff.SasEducator)).Items.Single();
        Assert.True(own.Named);
        Assert.Equal(pathway, own.PathwayId);
        Assert.False((await Host.Agenda(committee, Staff.CiteCoordinator)).Items.Single().Named);
        Assert.False((await Host.Agenda(committee, Staff.SchoolWorker)).Items.Single().Named);
    }

    [Fact]
    public async Task a_member_of_another_sitting_gets_404_like_for_a_sitting_that_does_not_exist()
    {
        await Listed();
        var other = await Host.ScheduledCommittee(invited: [Structures.FranceTravail]);

        var hidden = await Host.GetText($"/api/committees/{other}/agenda", Staff.SchoolWorker, 404);
        var unknown = await Host.GetText($"/api/committees/{Guid.NewGuid()}/agenda", Staff.SchoolWorker, 404);
        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        await Host.GetText($"/api/committees/{other}/agenda", Staff.FranceTravailAdviser, 200);
        await Host.GetText($"/api/committees/{other}/agenda", Staff.MdfWorker, 404);
        await Host.GetText($"/api/committees/{other}/agenda", Staff.StatisticsCoordinator, 404);
    }

    [Fact]
    public async Task a_person_invited_by_name_sits_on_the_sitting_without_their_structure()
    {
        var committee = await Host.ScheduledCommittee(invited: [], people: [Staff.PjjEducator.Id]);
        await Host.GetText($"/api/committees/{committee}/agenda", Staff.PjjEducator, 200);
        await Host.GetText($"/api/committees/{committee}/agenda", Staff.SchoolWorker, 404);
    }

    [Fact]
    public async Task each_named_item_shown_is_traced_for_the_sitting_and_anonymised_ones_are_not()
    {
        var (committee, pathway) = await Listed();
        await Host.Agenda(committee, Staff.SasEducator);
        Assert.DoesNotContain(await Host.TrailOf(pathway), e => e.Action == CommitteeDossiers.ReadAction);

        await Host.CharterAcknowledged(committee, Staff.SasEducator);
        await Host.Agenda(committee, Staff.SasEducator);

        var entry = Assert.Single(await Host.TrailOf(pathway), e => e.Action == CommitteeDossiers.ReadAction);
        Assert.Equal((Staff.SasEducator.Id, $"committee:{committee}", "Allowed"), (entry.Worker!.Value, entry.Purpose, entry.Outcome));
    }

    [Fact]
    public async Task a_youth_justice_referral_is_not_disclosed_to_members_without_the_entitlement()
    {
        var pathway = await Host.Referred(SasReferral(Yanis) with { ReferralSource = "PJJ", ReferringStructureId = Structures.Pjj }, Staff.SasEducator);
        var committee = await Host.ScheduledCommittee();
        await Host.BuildAgenda(committee);
        await Host.Consent(pathway, ConsentPurpose.CommitteeExamination, [], byParents: false, Staff.SasEducator);
        foreach (var worker in new[] { Staff.SchoolWorker, Staff.PjjEducator }) await Host.CharterAcknowledged(committee, worker);

        var school = (await Host.Agenda(committee, Staff.SchoolWorker)).Items.Single();
        Assert.Null(school.ReferralSource);
        Assert.DoesNotContain("justice", school.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rupture", school.Summary);
        Assert.NotNull((await Host.Agenda(committee, Staff.PjjEducator)).Items.Single().ReferralSource);
    }

    [Fact]
    public async Task withdrawn_items_are_not_shown_and_positions_follow_the_agenda()
    {
        await Host.Referred(SasReferral(Yanis), Staff.SasEducator);
        await Host.Referred(SasReferral(), Staff.SasEducator);
        var committee = await Host.ScheduledCommittee();
        await Host.BuildAgenda(committee);
        var first = (await Host.Agenda(committee, Staff.SasCoordinator)).Items[0].ItemId;
        await Host.Done($"/api/committees/{committee}/agenda/items/{first}/withdrawal", new { }, Staff.SasCoordinator);

        var item = Assert.Single((await Host.Agenda(committee, Staff.SasCoordinator)).Items);
        Assert.Equal(1, item.Position);
        Assert.NotEqual(first, item.ItemId);
    }

    [Fact]
    public async Task the_agenda_page_shows_an_anonymised_item_without_name_or_link_to_the_file()
    {
        var (committee, pathway) = await Listed();
        await Host.CharterAcknowledged(committee, Staff.SchoolWorker);

        var html = await Host.GetText($"/instances/{committee}/ordre-du-jour", Staff.SchoolWorker, 200);
        var code = (await Host.Agenda(committee, Staff.SchoolWorker)).Items.Single().Code;

        Assert.Contains(code, html);
        foreach (var secret in new[] { "Yanis", "Martinez", "MARTINEZ", Yanis.BirthDate.ToString("dd/MM/yyyy"), "Rupture scolaire", pathway.ToString() })
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotMatch(FileLink(), html);
    }

    [Fact]
    public async Task the_agenda_page_links_the_named_item_to_the_file_for_the_referent_structure_only()
    {
        var (committee, pathway) = await Listed();
        await Host.Consent(pathway, ConsentPurpose.CommitteeExamination, [], byParents: false, Staff.SasEducator);
        foreach (var worker in new[] { Staff.SasEducator, Staff.FranceTravailAdviser }) await Host.CharterAcknowledged(committee, worker);

        var own = await Host.GetText($"/instances/{committee}/ordre-du-jour", Staff.SasEducator, 200);
        var partner = await Host.GetText($"/instances/{committee}/ordre-du-jour", Staff.FranceTravailAdviser, 200);

        Assert.Contains($"/dossiers/{pathway}", own);
        Assert.Contains("MARTINEZ", partner);
        Assert.DoesNotContain(pathway.ToString(), partner);
        await Host.GetText($"/instances/{committee}/ordre-du-jour", Staff.MdfWorker, 404);
    }
}
