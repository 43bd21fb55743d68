using Parcours.Committees;
using Parcours.Committees.BuildingAgenda;
using Parcours.Pathways;

namespace Parcours.Tests.Committees;

/// <summary>Which pathways a sitting examines: pure rules, on a fixed sitting day.</summary>
public sealed class AgendaEligibilityTests
{
    private static readonly DateOnly Sitting = new(2026, 3, 10);

    private static AgendaCandidate Candidate(string programme, int age = 19, string? track = null, PathwayStatus status = PathwayStatus.Referred,
        bool orientationPending = false, DateOnly? startedOn = null, DateOnly? lastCommitteeOn = null, bool birthDateKnown = true, string ageBand = "18-25") =>
        new(Guid.NewGuid(), programme, track, status, ageBand, birthDateKnown ? Sitting.AddYears(-age).AddDays(-10) : null, orientationPending,
            Sitting.AddMonths(-8), startedOn, lastCommitteeOn);

    private static AgendaReason? Reason(CommitteeKind kind, AgendaCandidate c, int months = 3) => AgendaEligibility.ReasonFor(kind, Sitting, months, c);

    [Theory]
    [InlineData(CommitteeKind.MutualisedAdmission, "SAS", null, true)]
    [InlineData(CommitteeKind.MutualisedAdmission, "CITE", "JEUNES", true)]
    [InlineData(CommitteeKind.MutualisedAdmission, "CITE", "ADULTES", false)]
    [InlineData(CommitteeKind.MutualisedAdmission, "PRE", null, false)]
    [InlineData(CommitteeKind.SasAdmission, "SAS", null, true)]
    [InlineData(CommitteeKind.SasAdmission, "CITE", "JEUNES", false)]
    [InlineData(CommitteeKind.CiteAdmission, "CITE", "JEUNES", true)]
    [InlineData(CommitteeKind.CiteAdmission, "SAS", null, false)]
    [InlineData(CommitteeKind.CiteAdmission, "CITE", "ADULTES", false)]
    [InlineData(CommitteeKind.CiteAdults, "CITE", "ADULTES", true)]
    [InlineData(CommitteeKind.CiteAdults, "CITE", "JEUNES", false)]
    [InlineData(CommitteeKind.CiteAdults, "SAS", null, false)]
    public void each_admission_committee_examines_its_programmes_and_tracks(CommitteeKind kind, string programme, string? track, bool listed)
    {
        var age = track == "ADULTES" ? 35 : 19;
        Assert.Equal(listed ? AgendaReason.AwaitingOrientation : null, Reason(kind, Candidate(programme, age, track)));
    }

    [Fact]
    public void a_young_person_who_has_turned_26_by_the_sitting_goes_to_the_adults_committee()
    {
        var turned26 = Candidate("SAS", age: 26);
        Assert.Null(Reason(CommitteeKind.MutualisedAdmission, turned26));
        Assert.Null(Reason(CommitteeKind.SasAdmission, turned26));
        Assert.Equal(AgendaReason.AwaitingOrientation, Reason(CommitteeKind.CiteAdults, turned26));
        Assert.Equal(AgendaReason.AwaitingOrientation, Reason(CommitteeKind.MutualisedAdmission, Candidate("SAS", age: 25)));
    }

    [Fact]
    public void without_a_birth_date_the_age_band_at_referral_decides()
    {
        Assert.Equal(AgendaReason.AwaitingOrientation, Reason(CommitteeKind.MutualisedAdmission, Candidate("SAS", birthDateKnown: false, ageBand: "18-25")));
        Assert.Equal(AgendaReason.AwaitingOrientation, Reason(CommitteeKind.CiteAdults, Candidate("SAS", birthDateKnown: false, ageBand: "26-44")));
    }

    [Theory]
    [InlineData(PathwayStatus.Referred, false, true)]
    [InlineData(PathwayStatus.Accepted, false, true)]
    [InlineData(PathwayStatus.Accepted, true, false)]
    [InlineData(PathwayStatus.Active, false, false)]
    [InlineData(PathwayStatus.Suspended, false, false)]
    [InlineData(PathwayStatus.Exited, false, false)]
    [InlineData(PathwayStatus.Declined, false, false)]
    public void admission_committees_examine_people_awaiting_orientation_only(PathwayStatus status, bool orientationPending, bool listed) =>
        Assert.Equal(listed ? AgendaReason.AwaitingOrientation : null,
            Reason(CommitteeKind.MutualisedAdmission, Candidate("SAS", status: status, orientationPending: orientationPending)));

    [Fact]
    public void the_pre_team_examines_new_referrals_never_examined_by_the_team()
    {
        Assert.Equal(AgendaReason.NewReferral, Reason(CommitteeKind.PreTeam, Candidate("PRE", 9, status: PathwayStatus.Referred)));
        Assert.Equal(AgendaReason.NewReferral, Reason(CommitteeKind.PreTeam, Candidate("PRE", 9, status: PathwayStatus.Accepted)));
        Assert.Null(Reason(CommitteeKind.PreTeam, Candidate("PRE", 9, status: PathwayStatus.Accepted, lastCommitteeOn: Sitting.AddMonths(-1))));
        Assert.Null(Reason(CommitteeKind.PreTeam, Candidate("SAS", 17, status: PathwayStatus.Referred)));
    }

    [Theory]
    [InlineData(3, 2, null, false)]
    [InlineData(3, 3, null, true)]
    [InlineData(3, 5, 2, false)]
    [InlineData(3, 5, 3, true)]
    [InlineData(1, 1, null, true)]
    [InlineData(6, 5, null, false)]
    public void the_pre_team_reviews_each_active_pathway_every_n_months_from_its_last_decision_or_its_start(int every, int startedMonthsAgo, int? decidedMonthsAgo, bool due)
    {
        var candidate = Candidate("PRE", 9, status: PathwayStatus.Active, startedOn: Sitting.AddMonths(-startedMonthsAgo),
            lastCommitteeOn: decidedMonthsAgo is { } m ? Sitting.AddMonths(-m) : null);
        Assert.Equal(due ? AgendaReason.DueForReview : null, Reason(CommitteeKind.PreTeam, candidate, every));
        Assert.Equal(due ? AgendaReason.DueForReview : null, Reason(CommitteeKind.PreTeam, candidate with { Status = PathwayStatus.Suspended }, every));
        Assert.Null(Reason(CommitteeKind.PreTeam, candidate with { Status = PathwayStatus.Exited }, every));
    }

    [Fact]
    public void a_maison_des_femmes_pathway_is_never_eligible()
    {
        foreach (var kind in Enum.GetValues<CommitteeKind>())
        {
            Assert.Null(Reason(kind, Candidate("MDF", 19)));
            Assert.Null(Reason(kind, Candidate("MDF", 35, status: PathwayStatus.Active, startedOn: Sitting.AddYears(-1))));
        }
    }
}
