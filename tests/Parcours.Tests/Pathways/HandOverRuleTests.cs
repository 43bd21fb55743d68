using Parcours.Pathways;
using Parcours.Pathways.HandingOver;

namespace Parcours.Tests.Pathways;

/// <summary>Hand-over by age: the pure rules, on a fixed day.</summary>
public sealed class HandOverRuleTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly HandOverHorizons Defaults = new();

    private static Consent ByParents(DateOnly? withdrawnOn = null) =>
        new(Guid.NewGuid(), ConsentPurpose.CommitteeExamination, [], ConsentGiver.ParentalAuthority, ConsentMode.Written, Today.AddYears(-1), null, withdrawnOn);

    private static Consent ByPerson() => ByParents() with { GivenBy = ConsentGiver.Person };

    private static CaseSharing With(params Consent[] consents) => CaseSharing.None with { Consents = consents };

    private static HandOverKind[] Due(string programme, DateOnly birth, CaseSharing? sharing = null, HandOverHorizons? horizons = null, string? track = null) =>
        HandOver.Due(programme, track, birth, sharing ?? CaseSharing.None, Today, horizons ?? Defaults).Select(a => a.Kind).ToArray();

    [Fact]
    public void a_pre_child_turning_16_within_six_months_is_to_be_handed_over()
    {
        Assert.Equal([HandOverKind.TurningSixteen], Due("PRE", Today.AddYears(-16).AddMonths(6)));
        Assert.Empty(Due("PRE", Today.AddYears(-16).AddMonths(6).AddDays(1)));
        Assert.Equal([HandOverKind.TurningSixteen], Due("PRE", Today.AddYears(-16).AddDays(-3)));
        Assert.Empty(Due("SAS", Today.AddYears(-16).AddMonths(2)));
    }

    [Fact]
    public void a_young_person_turning_26_within_six_months_goes_to_the_adults_committee()
    {
        Assert.Equal([HandOverKind.TurningTwentySix], Due("SAS", Today.AddYears(-26).AddMonths(5)));
        Assert.Equal([HandOverKind.TurningTwentySix], Due("CITE", Today.AddYears(-26).AddMonths(5), track: "JEUNES"));
        Assert.Empty(Due("CITE", Today.AddYears(-26).AddMonths(5), track: "ADULTES"));
        Assert.Empty(Due("SAS", Today.AddYears(-26).AddMonths(7)));
    }

    [Fact]
    public void a_minor_turning_18_within_three_months_under_the_parents_consent_must_give_their_own()
    {
        var birth = Today.AddYears(-18).AddMonths(2);
        Assert.Equal([HandOverKind.TurningEighteen], Due("SAS", birth, With(ByParents())));
        Assert.Empty(Due("SAS", Today.AddYears(-18).AddMonths(4), With(ByParents())));
        Assert.Empty(Due("SAS", birth, With(ByParents(), ByPerson())));
        Assert.Empty(Due("SAS", birth, With(ByParents(withdrawnOn: Today))));
        Assert.Empty(Due("SAS", birth));
    }

    [Fact]
    public void an_adult_with_only_the_parents_consents_on_file_is_flagged_until_their_own_is_recorded()
    {
        var birth = Today.AddYears(-18).AddDays(-20);
        Assert.Equal([HandOverKind.AdultUnderParentsConsent], Due("SAS", birth, With(ByParents())));
        Assert.Empty(Due("SAS", birth, With(ByParents(), ByPerson())));
    }

    [Fact]
    public void the_horizons_are_configurable()
    {
        var horizons = new HandOverHorizons(SixteenWithinMonths: 2, TwentySixWithinMonths: 12, EighteenWithinMonths: 1);
        Assert.Empty(Due("PRE", Today.AddYears(-16).AddMonths(3), horizons: horizons));
        Assert.Equal([HandOverKind.TurningTwentySix], Due("SAS", Today.AddYears(-26).AddMonths(11), horizons: horizons));
        Assert.Empty(Due("SAS", Today.AddYears(-18).AddMonths(2), With(ByParents()), horizons));
    }
}
