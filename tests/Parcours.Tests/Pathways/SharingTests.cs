using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.GettingDetails;
using Parcours.Pathways.ListingCaseload;
using Parcours.People.GettingDetails;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>Case teams and consents over HTTP: each test tries to get at a case it should not see.</summary>
public sealed class SharingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string> Unknown(Habilitation worker) => Problem.Normalised(await Host.GetText($"/api/pathways/{Guid.CreateVersion7()}", worker, 404));

    private async Task<IReadOnlyList<Guid>> Caseload(Habilitation worker) =>
        (await Host.GetJson<CaseloadPage>("/api/pathways", worker)).Rows.Select(r => r.PathwayId).ToList();

    [Fact]
    public async Task a_partner_on_the_team_sees_the_case_and_it_appears_in_its_caseload()
    {
        var (id, _) = await Host.PreCaseSharedWith(structures: Structures.CollegeLesDunes);

        var file = await Host.PathwayFile(id, Staff.SchoolWorker);

        Assert.Equal((PathwayView.Summary, false), (file.View, file.MayAct));
        Assert.Equal("Dupont", file.Person.LastName);
        Assert.Equal([id], await Caseload(Staff.SchoolWorker));
    }

    [Fact]
    public async Task a_partner_outside_the_team_gets_the_same_404_as_for_a_case_that_does_not_exist()
    {
        var (id, _) = await Host.PreCaseSharedWith(structures: Structures.CollegeLesDunes);

        var hidden = await Host.GetText($"/api/pathways/{id}", Staff.FranceTravailAdviser, 404);

        Assert.Equal(await Unknown(Staff.FranceTravailAdviser), Problem.Normalised(hidden));
        Assert.Empty(await Caseload(Staff.FranceTravailAdviser));
    }

    [Fact]
    public async Task the_summary_view_of_a_school_has_no_reason_notes_review_summaries_family_or_contact_details()
    {
        var (id, _) = await Host.PreCaseSharedWith(PreReferral(Child() with { FirstName = "Zoé" }), Structures.CollegeLesDunes);
        await Host.Created($"/api/pathways/{id}/actions", new { category = "SCOLARITE", kind = "Aide aux devoirs", plannedOn = Today.AddDays(-3), note = "Difficultés en lecture" });
        await Host.Done($"/api/pathways/{id}/reviews", new { reviewedOn = Today.AddDays(-2), summary = "Tensions entre les parents" });
        var file = await Host.PathwayFile(id, Staff.SchoolWorker);
        var body = await Host.GetText($"/api/pathways/{id}", Staff.SchoolWorker, 200);
        var child = file.Person.Id;
        var person = await Host.GetJson<PersonDetails>($"/api/people/{child}", Staff.SchoolWorker);

        Assert.Null(file.Reason);
        Assert.Null(file.Sharing);
        Assert.All(file.Timeline, t => Assert.Null(t.Text));
        Assert.Equal("Aide aux devoirs", Assert.Single(file.Actions).Kind);
        Assert.Null(file.Actions[0].Note);
        Assert.Contains(file.Timeline, t => t.Kind == "review");
        foreach (var secret in new[] { "Absences répétées", "Difficultés en lecture", "Tensions", "Rencontre avec la mère", "aime bien" }) Assert.DoesNotContain(secret, body);
        Assert.Equal((PathwayView.Summary, "Zoé", null, null), (person.View, person.Identity!.FirstName, person.Identity.Address, person.Identity.Phone));
        Assert.Empty(person.Links);
        Assert.Contains("Tensions entre les parents", (await Host.PathwayFile(id)).Timeline.Select(t => t.Text));
    }

    [Fact]
    public async Task youth_justice_and_health_information_reach_only_the_habilitations_entitled_to_them()
    {
        var referral = PreReferral() with { ReferralSource = "PJJ", ReferringStructureId = Structures.Pjj, Reason = "Mesure éducative en cours" };
        var (id, _) = await Host.PreCaseSharedWith(referral, Structures.CollegeLesDunes, Structures.Pjj);
        await Host.Created($"/api/pathways/{id}/actions", new { category = "SANTE", kind = "Orthophonie", plannedOn = Today.AddDays(-3), note = "Bilan ORL" });
        await Host.Created($"/api/pathways/{id}/actions", new { category = "SCOLARITE", kind = "Aide aux devoirs", plannedOn = Today.AddDays(-3) });

        var school = await Host.GetText($"/api/pathways/{id}", Staff.SchoolWorker, 200);
        var pjj = await Host.PathwayFile(id, Staff.PjjEducator);
        var preReferent = await Host.PathwayFile(id, Staff.PreReferent);

        Assert.DoesNotContain("PJJ", school);
        Assert.DoesNotContain(Structures.Pjj.ToString(), school);
        Assert.DoesNotContain("Orthophonie", school);
        Assert.Equal(("PJJ", Structures.Pjj, "Mesure éducative en cours"), (pjj.ReferralSource, pjj.ReferringStructureId, pjj.Reason));
        Assert.Equal(["Aide aux devoirs"], pjj.Actions.Select(a => a.Kind));
        Assert.DoesNotContain(pjj.Timeline, t => t.Code == "Orthophonie");
        Assert.Equal((null, null, null), (preReferent.ReferralSource, preReferent.ReferringStructureId, preReferent.Reason));
        Assert.Equal(["Orthophonie", "Aide aux devoirs"], preReferent.Actions.Select(a => a.Kind));
        Assert.Equal("Bilan ORL", preReferent.Actions[0].Note);
    }

    [Fact]
    public async Task withdrawing_the_consent_hides_the_case_from_the_partner_on_its_next_request()
    {
        var (id, consentId) = await Host.PreCaseSharedWith(structures: Structures.CollegeLesDunes);
        var childId = (await Host.PathwayFile(id)).Person.Id;
        await Host.PathwayFile(id, Staff.SchoolWorker);

        await Host.Withdraw(id, consentId);

        Assert.Equal(await Unknown(Staff.SchoolWorker), Problem.Normalised(await Host.GetText($"/api/pathways/{id}", Staff.SchoolWorker, 404)));
        Assert.Empty(await Caseload(Staff.SchoolWorker));
        Assert.Equal(0, (await Host.GetJson<CaseloadPage>("/api/pathways", Staff.SchoolWorker)).Total);
        await Host.GetText($"/api/people/{childId}", Staff.SchoolWorker, 404);
        await Host.Refused($"/api/pathways/{id}/reviews", new { reviewedOn = Today, summary = "x" }, 404, Staff.SchoolWorker);
        var file = await Host.PathwayFile(id);
        Assert.Null(Assert.Single(file.Sharing!.Team).CoveringConsentId);
        Assert.False(Assert.Single(file.Sharing.Consents).CountsToday);
    }

    [Fact]
    public async Task an_expired_consent_counts_as_withdrawn()
    {
        var id = await Host.ActivePathway();
        await Host.ParentsInformed(id);
        await Host.Consent(id, ConsentPurpose.TeamSharing, [Structures.CollegeLesDunes], byParents: true, expiresOn: Today.AddDays(3));
        await Host.Join(id, Structures.CollegeLesDunes);
        await Host.PathwayFile(id, Staff.SchoolWorker);

        Clock.Shift = TimeSpan.FromDays(5);

        Assert.Equal(await Unknown(Staff.SchoolWorker), Problem.Normalised(await Host.GetText($"/api/pathways/{id}", Staff.SchoolWorker, 404)));
        Assert.Empty(await Caseload(Staff.SchoolWorker));
    }

    [Fact]
    public async Task a_partner_joins_the_team_only_under_a_consent_covering_it()
    {
        var id = await Host.ActivePathway();
        await Host.ParentsInformed(id);
        await Host.Consent(id, ConsentPurpose.TeamSharing, [Structures.CollegeLesDunes], byParents: true);

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/team", new { structureId = Structures.FranceTravail, purpose = "TeamSharing" }, 422);
        await Host.Refused($"/api/pathways/{id}/team", new { structureId = Structures.CollegeLesDunes, purpose = "Orientation" }, 422);

        Assert.Contains("consentement", problem.Detail);
        await Host.GetText($"/api/pathways/{id}", Staff.FranceTravailAdviser, 404);
    }

    [Fact]
    public async Task about_a_minor_nothing_is_shared_before_the_parents_are_informed_or_a_coordinator_justifies_an_exception()
    {
        var id = await Host.ActivePathway();
        await Host.Consent(id, ConsentPurpose.TeamSharing, [Structures.CollegeLesDunes], byParents: true);

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/team", new { structureId = Structures.CollegeLesDunes, purpose = "TeamSharing" }, 422);
        await Host.Refused($"/api/pathways/{id}/sharing-exception", new { justification = "Violences intrafamiliales signalées" }, 403, Staff.PreReferent);
        await Host.Done($"/api/pathways/{id}/sharing-exception", new { justification = "Violences intrafamiliales signalées" }, Staff.PreCoordinator);
        await Host.Join(id, Structures.CollegeLesDunes);

        Assert.Contains("parents", problem.Detail);
        Assert.Equal(PathwayView.Summary, (await Host.PathwayFile(id, Staff.SchoolWorker)).View);
    }

    [Fact]
    public async Task a_parental_consent_for_an_adult_is_refused()
    {
        var id = await Host.Referred(SharingScenarios.SasReferral(), Staff.SasEducator);

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/consents", new
        {
            purpose = "TeamSharing", structures = new[] { Structures.FranceTravail }, givenBy = "ParentalAuthority", mode = "Written", givenOn = Today,
            minorView = "—",
        }, 422, Staff.SasEducator);

        Assert.Equal("givenBy", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task at_eighteen_the_parents_consent_stops_counting_and_the_young_person_s_own_consent_replaces_it()
    {
        var seventeen = SharingScenarios.YoungAdult() with { BirthDate = Today.AddYears(-18).AddDays(10) };
        var id = await Host.Referred(SharingScenarios.SasReferral(seventeen), Staff.SasEducator);
        await Host.ParentsInformed(id, Staff.SasEducator);
        await Host.Consent(id, ConsentPurpose.TeamSharing, [Structures.FranceTravail], byParents: true, Staff.SasEducator);
        await Host.Join(id, Structures.FranceTravail, by: Staff.SasEducator);
        await Host.PathwayFile(id, Staff.FranceTravailAdviser);

        Clock.Shift = TimeSpan.FromDays(11);

        await Host.GetText($"/api/pathways/{id}", Staff.FranceTravailAdviser, 404);
        Assert.Empty(await Caseload(Staff.FranceTravailAdviser));
        await Host.Consent(id, ConsentPurpose.TeamSharing, [Structures.FranceTravail], byParents: false, Staff.SasEducator, givenOn: Today.AddDays(11));
        Assert.Equal(PathwayView.Summary, (await Host.PathwayFile(id, Staff.FranceTravailAdviser)).View);
    }

    [Fact]
    public async Task a_team_member_reads_the_case_but_only_the_referent_structure_changes_it()
    {
        var (id, _) = await Host.PreCaseSharedWith(structures: Structures.Pjj);

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/reviews", new { reviewedOn = Today, summary = "Vu au tribunal" }, 403, Staff.PjjEducator);
        await Host.Refused($"/api/pathways/{id}/team", new { structureId = Structures.FranceTravail, purpose = "TeamSharing" }, 403, Staff.PjjEducator);

        Assert.Contains("structure référente", problem.Detail);
        Assert.Equal(PathwayView.Full, (await Host.PathwayFile(id, Staff.PjjEducator)).View);
    }

    [Fact]
    public async Task removing_a_partner_from_the_team_hides_the_case_from_it()
    {
        var (id, _) = await Host.PreCaseSharedWith(structures: Structures.CollegeLesDunes);

        await Host.Done($"/api/pathways/{id}/team/{Structures.CollegeLesDunes}/removal", new { });

        await Host.GetText($"/api/pathways/{id}", Staff.SchoolWorker, 404);
        Assert.Empty((await Host.PathwayFile(id)).Sharing!.Team);
    }

    [Theory]
    [InlineData(nameof(Staff.StatisticsCoordinator))]
    [InlineData(nameof(Staff.DataProtectionOfficer))]
    [InlineData(nameof(Staff.Administrator))]
    public async Task statistics_coordinators_administrators_and_the_officer_get_404_on_every_person_level_endpoint(string name)
    {
        var worker = (Habilitation)typeof(Staff).GetField(name)!.GetValue(null)!;
        var id = await Host.ActivePathway();
        var personId = (await Host.PathwayFile(id)).Person.Id;
        var unknown = Problem.Normalised(await Host.GetText($"/api/pathways/{Guid.CreateVersion7()}", worker, 404));

        string[] bodies =
        [
            await Host.GetText($"/api/pathways/{id}", worker, 404),
            await Host.GetText("/api/pathways", worker, 404),
            await Host.GetText($"/api/people/{personId}", worker, 404),
            (await Host.Refused("/api/pathways", PreReferral(), 404, worker)).Body,
            (await Host.Refused("/api/people", Child(), 404, worker)).Body,
            (await Host.Refused($"/api/pathways/{id}/reviews", new { reviewedOn = Today, summary = "x" }, 404, worker)).Body,
        ];

        Assert.All(bodies, body => Assert.Equal(unknown, Problem.Normalised(body)));
    }

    [Fact]
    public async Task reads_refusals_and_consent_changes_are_traced_without_content()
    {
        var (id, consentId) = await Host.PreCaseSharedWith(structures: Structures.CollegeLesDunes);
        await Host.PathwayFile(id, Staff.SchoolWorker);
        await Host.Withdraw(id, consentId);
        await Host.GetText($"/api/pathways/{id}", Staff.SchoolWorker, 404);
        await Host.Refused($"/api/pathways/{id}/reviews", new { reviewedOn = Today, summary = "x" }, 404, Staff.FranceTravailAdviser);

        var trail = await Host.TrailOf(id);

        Assert.Contains((Staff.PreReferent.Id, "consent.recorded", "referent", "Allowed"), trail);
        Assert.Contains((Staff.PreReferent.Id, "team.member-added", "referent", "Allowed"), trail);
        Assert.Contains((Staff.SchoolWorker.Id, "pathway.read", "team:TeamSharing", "Allowed"), trail);
        Assert.Contains((Staff.PreReferent.Id, "consent.withdrawn", "referent", "Allowed"), trail);
        Assert.Contains((Staff.SchoolWorker.Id, "pathway.read", "hidden", "Refused"), trail);
        Assert.Contains((Staff.FranceTravailAdviser.Id, "pathway.change", "hidden", "Refused"), trail);
    }

    [Fact]
    public async Task the_printable_consent_form_is_rendered_for_full_readers_only_with_what_was_typed_escaped()
    {
        var id = await Host.ActivePathway();
        await Host.ParentsInformed(id);
        var (_, consentId) = await Host.Created($"/api/pathways/{id}/consents", new
        {
            purpose = "TeamSharing", structures = new[] { Structures.CollegeLesDunes }, givenBy = "ParentalAuthority", mode = "Oral", givenOn = Today,
            minorView = "<script>alert('x')</script> d'accord",
        });
        await Host.Join(id, Structures.CollegeLesDunes);

        var form = await Host.GetText($"/dossiers/{id}/consentements/{consentId}", Staff.PreReferent, 200);
        await Host.GetText($"/dossiers/{id}/consentements/{consentId}", Staff.SchoolWorker, 404);
        await Host.GetText($"/dossiers/{id}/consentements/{Guid.CreateVersion7()}", Staff.PreReferent, 404);

        Assert.Contains("Recueil du consentement", form);
        Assert.Contains("Léo DUPONT", form);
        Assert.Contains("Collège Les Dunes (fictif)", form);
        Assert.Contains("&lt;script&gt;", form);
        Assert.DoesNotContain("<script>", form);
        Assert.Contains((Staff.PreReferent.Id, "consent.form", "TeamSharing", "Allowed"), await Host.TrailOf(id));
    }
}
