using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Reference;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

/// <summary>Who sees a pathway, how much, and who may change it: <see cref="PathwayAccess"/> alone, no database.</summary>
public sealed class AccessDecisionTests
{
    private static readonly DateOnly ChildAdultOn = Child.AdultOn!.Value;

    private static PathwayGrant Grant(Habilitation worker, Pathway pathway, DateOnly? on = null, DateOnly? adultOn = null) =>
        PathwayAccess.For(CurrentWorker.Of(worker), pathway, on ?? Today, adultOn ?? ChildAdultOn);

    /// <summary>A PRE case shared with the school, and with the PJJ and SAS Coluche, the parents informed.</summary>
    private static Pathway SharedCase() => Given(
        Referred(), Accepted(), ParentsWereInformed(),
        Consented(), Joined(),
        Consented(Structures.Pjj, consentId: Guid.CreateVersion7()), Joined(Structures.Pjj),
        Consented(Structures.SasColuche, consentId: Guid.CreateVersion7()), Joined(Structures.SasColuche));

    [Fact]
    public void the_referent_structure_s_workers_see_the_whole_file_and_may_change_it()
    {
        var grant = Grant(Staff.PreReferent, SharedCase());

        Assert.Equal((PathwayView.Full, true), (grant.View, grant.MayAct));
    }

    [Theory]
    [InlineData(nameof(Staff.SchoolWorker), PathwayView.Summary)]
    [InlineData(nameof(Staff.PjjEducator), PathwayView.Full)]
    [InlineData(nameof(Staff.SasEducator), PathwayView.Full)]
    public void a_team_member_sees_the_case_in_its_view_and_may_not_change_it(string worker, PathwayView view)
    {
        var grant = Grant(StaffNamed(worker), SharedCase());

        Assert.Equal((view, false), (grant.View, grant.MayAct));
    }

    [Theory]
    [InlineData(nameof(Staff.FranceTravailAdviser))]
    [InlineData(nameof(Staff.CiteAdviser))]
    [InlineData(nameof(Staff.MdfWorker))]
    public void a_structure_outside_the_team_does_not_see_the_case(string worker) =>
        Assert.False(Grant(StaffNamed(worker), SharedCase()).Sees);

    [Theory]
    [InlineData(nameof(Staff.StatisticsCoordinator))]
    [InlineData(nameof(Staff.DataProtectionOfficer))]
    [InlineData(nameof(Staff.Administrator))]
    public void statistics_coordinators_administrators_and_the_data_protection_officer_never_see_a_case(string worker)
    {
        var member = StaffNamed(worker);
        var ownStructure = Given(Referred(referentStructure: member.StructureId));

        Assert.False(Grant(member, ownStructure).Sees);
    }

    [Fact]
    public void a_committee_member_of_the_referent_structure_who_does_not_follow_cases_does_not_see_it()
    {
        var committeeOnly = new Habilitation { Id = Guid.CreateVersion7(), StructureId = Structures.PreCalais, Roles = [Role.CommitteeMember] };

        Assert.False(Grant(committeeOnly, SharedCase()).Sees);
    }

    [Fact]
    public void a_withdrawn_consent_hides_the_case_from_the_team_member_it_covered()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(), Joined(), Withdrawn(day: 30));

        Assert.False(Grant(Staff.SchoolWorker, pathway).Sees);
    }

    [Fact]
    public void a_withdrawal_counts_at_once_even_when_dated_later_than_today()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(), Joined(), Withdrawn(day: 90));

        Assert.False(Grant(Staff.SchoolWorker, pathway, on: Day(10)).Sees);
    }

    [Fact]
    public void a_consent_counts_until_its_expiry_day_included_and_not_after()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(expiresOn: Day(40)), Joined());

        Assert.True(Grant(Staff.SchoolWorker, pathway, on: Day(40)).Sees);
        Assert.False(Grant(Staff.SchoolWorker, pathway, on: Day(41)).Sees);
    }

    [Fact]
    public void a_consent_covers_only_the_structures_and_purpose_it_names()
    {
        var otherStructure = Given(Referred(), ParentsWereInformed(), Consented(Structures.FranceTravail), Joined());
        var otherPurpose = Given(Referred(), ParentsWereInformed(), Consented(purpose: ConsentPurpose.Orientation), Joined());

        Assert.False(Grant(Staff.SchoolWorker, otherStructure).Sees);
        Assert.False(Grant(Staff.SchoolWorker, otherPurpose).Sees);
    }

    [Fact]
    public void the_parents_consent_lapses_on_the_person_s_eighteenth_birthday()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(), Joined());
        var adultOn = Day(100);

        Assert.True(Grant(Staff.SchoolWorker, pathway, on: Day(99), adultOn: adultOn).Sees);
        Assert.False(Grant(Staff.SchoolWorker, pathway, on: Day(100), adultOn: adultOn).Sees);
    }

    [Fact]
    public void the_person_s_own_consent_replaces_the_parents_at_eighteen()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(), Joined(),
            Consented(by: ConsentGiver.Person, day: 100, consentId: Guid.CreateVersion7()));

        Assert.True(Grant(Staff.SchoolWorker, pathway, on: Day(120), adultOn: Day(100)).Sees);
    }

    [Fact]
    public void a_parents_consent_does_not_count_when_the_person_s_age_is_unknown()
    {
        var pathway = Given(Referred(), ParentsWereInformed(), Consented(), Joined());

        Assert.False(PathwayAccess.For(CurrentWorker.Of(Staff.SchoolWorker), pathway, Today, adultOn: null).Sees);
    }

    [Fact]
    public void a_maison_des_femmes_case_is_seen_by_the_maison_des_femmes_only_whatever_its_team()
    {
        var pathway = Given(Referred("MDF", Structures.MaisonDesFemmes), Consented(by: ConsentGiver.Person), Joined());

        Assert.Equal(PathwayView.Full, Grant(Staff.MdfWorker, pathway).View);
        Assert.All(Staff.All.Where(s => s.StructureId != Structures.MaisonDesFemmes), s => Assert.False(Grant(s, pathway, adultOn: Day(-3650)).Sees));
    }

    private static Habilitation StaffNamed(string name) => (Habilitation)typeof(Staff).GetField(name)!.GetValue(null)!;
}
