using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Consenting;
using Parcours.Pathways.Sealing;
using Parcours.Pathways.Sharing;
using Parcours.Reference;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

/// <summary>The consent ledger, the case team, the parents' information and the safe-contact rule, as pure decisions.</summary>
public sealed class SharingDecisionTests
{
    private static readonly HashSet<Guid> KnownStructures = Structures.All.Select(s => s.Id).ToHashSet();
    private static readonly Structure School = Structures.All.Single(s => s.Id == Structures.CollegeLesDunes);

    private static RecordConsent Consent(
        ConsentGiver by = ConsentGiver.ParentalAuthority, string? minorView = "Il est d'accord pour que le collège soit informé.",
        ConsentPurpose purpose = ConsentPurpose.TeamSharing, Guid[]? structures = null, int day = 20, DateOnly? expiresOn = null) =>
        new(PathwayId, null, Guid.CreateVersion7(), purpose, structures ?? [Structures.CollegeLesDunes], by, ConsentMode.Written, Day(day), expiresOn, minorView, Worker);

    private static Decision Record(Pathway pathway, RecordConsent c, CaseSubject? subject = null) =>
        RecordConsentHandler.Decide(pathway, c, KnownStructures, subject ?? Child, Today, Now);

    private static Decision Add(Pathway pathway, CaseSubject? subject = null, ConsentPurpose purpose = ConsentPurpose.TeamSharing, Structure? structure = null) =>
        AddTeamMemberHandler.Decide(pathway, new AddTeamMember(PathwayId, null, (structure ?? School).Id, purpose, Worker), structure ?? School, subject ?? Child, Today, Now);

    // The consent ledger

    [Fact]
    public void for_a_minor_the_parents_consent_with_the_minor_s_view_recorded_encrypted()
    {
        var e = Then<ConsentRecorded>(Record(In(PathwayStatus.Active), Consent()));

        Assert.Equal((ConsentGiver.ParentalAuthority, "sealed:Il est d'accord pour que le collège soit informé."), (e.GivenBy, e.MinorView?.Cipher));
        Assert.Equal([Structures.CollegeLesDunes], e.Structures);
    }

    [Fact]
    public void a_minor_does_not_consent_alone() =>
        Refused(Record(In(PathwayStatus.Active), Consent(by: ConsentGiver.Person)), 422, "givenBy");

    [Fact]
    public void a_minor_s_view_is_required_with_the_parents_consent() =>
        Refused(Record(In(PathwayStatus.Active), Consent(minorView: " ")), 422, "minorView");

    [Fact]
    public void a_parental_consent_for_an_adult_is_refused() =>
        Refused(Record(In(PathwayStatus.Active), Consent(minorView: null), Adult), 422, "givenBy");

    [Fact]
    public void an_adult_consents_themself()
    {
        var e = Then<ConsentRecorded>(Record(In(PathwayStatus.Active), Consent(by: ConsentGiver.Person, minorView: null), Adult));

        Assert.Null(e.MinorView);
    }

    [Fact]
    public void a_parental_consent_is_judged_on_the_day_it_was_given()
    {
        var turnsEighteenOnDay30 = new CaseSubject(Seal, Day(30).AddYears(-18));

        Then<ConsentRecorded>(Record(In(PathwayStatus.Active), Consent(day: 29), turnsEighteenOnDay30));
        Refused(Record(In(PathwayStatus.Active), Consent(day: 30), turnsEighteenOnDay30), 422, "givenBy");
    }

    [Fact]
    public void sharing_and_orientation_consents_name_their_structures_and_contact_consents_do_not()
    {
        Refused(Record(In(PathwayStatus.Active), Consent(structures: [])), 400, "structures");
        Refused(Record(In(PathwayStatus.Active), Consent(purpose: ConsentPurpose.Orientation, structures: [])), 400, "structures");
        Refused(Record(In(PathwayStatus.Active), Consent(purpose: ConsentPurpose.ContactBySms)), 400, "structures");
        Then<ConsentRecorded>(Record(In(PathwayStatus.Active), Consent(purpose: ConsentPurpose.ContactByLetter, structures: [])));
    }

    [Fact]
    public void a_consent_names_known_structures_other_than_the_referent_one()
    {
        Refused(Record(In(PathwayStatus.Active), Consent(structures: [Guid.CreateVersion7()])), 400, "structures");
        Refused(Record(In(PathwayStatus.Active), Consent(structures: [Structures.PreCalais])), 400, "structures");
    }

    [Fact]
    public void a_consent_is_not_dated_in_the_future_nor_expires_before_it_is_given()
    {
        Refused(RecordConsentHandler.Decide(In(PathwayStatus.Active), Consent() with { GivenOn = Today.AddDays(1) }, KnownStructures, Child, Today, Now), 422, "givenOn");
        Refused(Record(In(PathwayStatus.Active), Consent(expiresOn: Day(19))), 400, "expiresOn");
    }

    [Fact]
    public void no_consent_is_recorded_on_a_closed_pathway() =>
        Refused(Record(In(PathwayStatus.Exited), Consent()), 422);

    [Fact]
    public void no_consent_is_recorded_once_the_identity_is_erased() =>
        Refused(Record(In(PathwayStatus.Active), Consent(), new CaseSubject(Seal, null)), 422);

    [Fact]
    public void a_withdrawal_is_recorded_whatever_the_pathway_s_status()
    {
        var pathway = Given(Referred(), Consented(), Accepted(), Exited());

        var e = Then<ConsentWithdrawn>(WithdrawConsentHandler.Decide(pathway, new WithdrawConsent(PathwayId, null, ConsentId, Day(20), "Par téléphone", Worker), Today, Now, Seal));

        Assert.Equal("sealed:Par téléphone", e.Note?.Cipher);
    }

    [Fact]
    public void a_consent_is_withdrawn_once_and_not_before_it_was_given()
    {
        var withdrawn = Given(Referred(), Consented(day: 3), Withdrawn(day: 5));
        var given = Given(Referred(), Consented(day: 3));

        Refused(WithdrawConsentHandler.Decide(withdrawn, new WithdrawConsent(PathwayId, null, ConsentId, Day(6), null, Worker), Today, Now, Seal), 409);
        Refused(WithdrawConsentHandler.Decide(given, new WithdrawConsent(PathwayId, null, ConsentId, Day(2), null, Worker), Today, Now, Seal), 422, "withdrawnOn");
        Refused(WithdrawConsentHandler.Decide(given, new WithdrawConsent(PathwayId, null, Guid.CreateVersion7(), Day(6), null, Worker), Today, Now, Seal), 404);
    }

    // The case team

    [Fact]
    public void a_partner_joins_the_team_under_a_consent_covering_it_once_the_parents_are_informed()
    {
        var e = Then<TeamMemberAdded>(Add(Given(Referred(), ParentsWereInformed(), Consented())));

        Assert.Equal((Structures.CollegeLesDunes, ConsentPurpose.TeamSharing, Today), (e.StructureId, e.Purpose, e.AddedOn));
    }

    [Fact]
    public void a_partner_does_not_join_without_a_consent_covering_it() =>
        Assert.Contains("consentement", Refused(Add(Given(Referred(), ParentsWereInformed())), 422, "structureId").Detail);

    [Fact]
    public void a_consent_for_another_structure_or_purpose_does_not_cover_the_partner()
    {
        Refused(Add(Given(Referred(), ParentsWereInformed(), Consented(Structures.FranceTravail))), 422, "structureId");
        Refused(Add(Given(Referred(), ParentsWereInformed(), Consented()), purpose: ConsentPurpose.Orientation), 422, "structureId");
    }

    [Fact]
    public void a_withdrawn_or_expired_consent_does_not_cover_the_partner()
    {
        Refused(Add(Given(Referred(), ParentsWereInformed(), Consented(), Withdrawn())), 422, "structureId");
        Refused(Add(Given(Referred(), ParentsWereInformed(), Consented(expiresOn: Today.AddDays(-1)))), 422, "structureId");
    }

    [Fact]
    public void about_a_minor_nothing_is_shared_before_the_parents_are_informed() =>
        Assert.Contains("parents", Refused(Add(Given(Referred(), Consented())), 422).Detail);

    [Fact]
    public void a_coordinator_s_justified_exception_stands_in_for_informing_the_parents()
    {
        var pathway = Given(Referred(), Consented(), new SharingExceptionJustified(PathwayId, Day(1), new("x"), Worker.Id, Now));

        Then<TeamMemberAdded>(Add(pathway));
    }

    [Fact]
    public void about_an_adult_the_parents_are_not_involved() =>
        Then<TeamMemberAdded>(Add(Given(Referred(), Consented(by: ConsentGiver.Person)), Adult));

    [Fact]
    public void the_parents_consent_given_when_the_person_was_a_minor_does_not_cover_a_share_with_the_adult() =>
        Refused(Add(Given(Referred(), ParentsWereInformed(), Consented()), Adult), 422, "structureId");

    [Fact]
    public void a_maison_des_femmes_case_is_never_shared()
    {
        var pathway = Given(Referred("MDF", Structures.MaisonDesFemmes), Consented(by: ConsentGiver.Person));

        Assert.Contains("Maison des Femmes", Refused(Add(pathway, Adult), 422).Detail);
    }

    [Fact]
    public void a_structure_joins_the_team_once_and_the_referent_structure_never()
    {
        var pre = Structures.All.Single(s => s.Id == Structures.PreCalais);

        Refused(Add(Given(Referred(), ParentsWereInformed(), Consented(), Joined())), 409);
        Refused(Add(Given(Referred(), ParentsWereInformed()), structure: pre), 422, "structureId");
    }

    [Fact]
    public void a_partner_joins_for_team_follow_up_or_orientation_only() =>
        Refused(Add(Given(Referred(), ParentsWereInformed()), purpose: ConsentPurpose.ContactBySms), 400, "purpose");

    [Fact]
    public void a_member_leaves_the_team_whatever_the_status_and_only_a_member_can_leave()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(), Joined(), Accepted(), Exited());

        Then<TeamMemberRemoved>(RemoveTeamMemberHandler.Decide(pathway, new RemoveTeamMember(PathwayId, null, Structures.CollegeLesDunes, Worker), Today, Now));
        Refused(RemoveTeamMemberHandler.Decide(pathway, new RemoveTeamMember(PathwayId, null, Structures.Pjj, Worker), Today, Now), 422, "structureId");
    }

    // Parents informed, justified exception

    [Fact]
    public void the_parents_are_informed_about_a_minor_only()
    {
        var command = new RecordParentsInformed(PathwayId, null, Day(3), ConsentMode.Oral, "Rencontre au collège", Worker);

        Assert.Equal("sealed:Rencontre au collège", Then<ParentsInformed>(RecordParentsInformedHandler.Decide(In(PathwayStatus.Active), command, Child, Today, Now)).Note?.Cipher);
        Refused(RecordParentsInformedHandler.Decide(In(PathwayStatus.Active), command, Adult, Today, Now), 422);
        Refused(RecordParentsInformedHandler.Decide(In(PathwayStatus.Active), command with { InformedOn = Today.AddDays(1) }, Child, Today, Now), 422, "informedOn");
    }

    [Fact]
    public void only_a_programme_coordinator_justifies_an_exception_and_the_justification_is_encrypted()
    {
        var byCoordinator = new JustifySharingException(PathwayId, null, "Danger si les parents sont informés", CurrentWorker.Of(Staff.PreCoordinator));
        var byReferent = byCoordinator with { Actor = CurrentWorker.Of(Staff.PreReferent) };

        Assert.Equal("sealed:Danger si les parents sont informés",
            Then<SharingExceptionJustified>(JustifySharingExceptionHandler.Decide(In(PathwayStatus.Active), byCoordinator, Child, Today, Now)).Justification.Cipher);
        Refused(JustifySharingExceptionHandler.Decide(In(PathwayStatus.Active), byReferent, Child, Today, Now), 403);
        Refused(JustifySharingExceptionHandler.Decide(In(PathwayStatus.Active), byCoordinator with { Justification = "" }, Child, Today, Now), 400, "justification");
    }

    // Safe contact

    [Fact]
    public void a_safe_contact_rule_is_recorded_on_a_maison_des_femmes_case_only()
    {
        var command = new RecordSafeContact(PathwayId, null, SafeContactMode.PhoneOnly, "Appeler entre 9 h et 11 h", CurrentWorker.Of(Staff.MdfWorker));
        var mdf = Given(Referred("MDF", Structures.MaisonDesFemmes));

        Assert.Equal("sealed:Appeler entre 9 h et 11 h", Then<SafeContactRuleRecorded>(RecordSafeContactHandler.Decide(mdf, command, Today, Now, Seal)).Instructions?.Cipher);
        Refused(RecordSafeContactHandler.Decide(In(PathwayStatus.Active), command, Today, Now, Seal), 422);
    }
}
