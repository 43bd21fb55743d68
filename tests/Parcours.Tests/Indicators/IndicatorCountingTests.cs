using Parcours.Indicators.Counting;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Facts;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Tests.Indicators;

public sealed class IndicatorCountingTests
{
    private static int _next;

    private static IndicatorFact Fact(
        string person, string programme = "PRE", DateOnly? referred = null, DateOnly? started = null,
        Sex sex = Sex.F, string ageBand = "6-10", string territory = "BEAU-MARAIS", TerritoryKind kind = TerritoryKind.Qpv,
        string? parent = null, string source = "ECOLE") => new()
    {
        Id = $"pathway-{Interlocked.Increment(ref _next)}",
        Person = person,
        Programme = programme,
        TerritoryCode = territory,
        TerritoryKind = kind,
        ParentTerritoryCode = parent,
        Sex = sex,
        AgeBand = ageBand,
        ReferralSource = source,
        ReferredOn = referred ?? new DateOnly(2026, 1, 10),
        StartedOn = started,
    };

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static int Total(IEnumerable<IndicatorFact> facts, string code, int year, string? neighbourhood = null) =>
        IndicatorCounter.Count(facts, IndicatorCatalogue.Get(code), year, neighbourhood, Dimension.Sex).GrandTotal;

    private static IndicatorDefinition Followed(params string[] programmes) =>
        new("T", 1, "test", IndicatorKind.Followed, new() { Programmes = programmes }, [Dimension.Sex, Dimension.AgeBand, Dimension.Neighbourhood, Dimension.Programme]);

    [Fact]
    public void referrals_are_counted_per_pathway_in_the_year_of_the_referral_date()
    {
        var facts = new[]
        {
            Fact("a", referred: D(2026, 1, 1)), Fact("a", referred: D(2026, 12, 31)),
            Fact("b", referred: D(2025, 12, 31)), Fact("c", programme: "SAS", referred: D(2026, 5, 1)),
        };

        Assert.Equal(2, Total(facts, "SAISINES-PRE", 2026));
        Assert.Equal(1, Total(facts, "SAISINES-PRE", 2025));
    }

    [Fact]
    public void cddf_referrals_are_the_pathways_referred_by_the_cddf_whatever_the_programme()
    {
        var facts = new[] { Fact("a", source: "CDDF"), Fact("b", programme: "SAS", source: "CDDF"), Fact("c") };

        Assert.Equal(2, Total(facts, "SAISINES-CDDF", 2026));
    }

    [Fact]
    public void a_person_followed_twice_in_one_programme_counts_once_and_once_per_programme()
    {
        var facts = new[]
        {
            Fact("a", started: D(2026, 2, 1)), Fact("a", started: D(2026, 6, 1)),
            Fact("a", programme: "SAS", started: D(2026, 3, 1)), Fact("b", started: D(2026, 3, 1)),
        };

        var table = IndicatorCounter.Count(facts, Followed("PRE", "SAS"), 2026, null, Dimension.Programme);

        Assert.Equal(["PRE", "SAS"], table.RowLabels);
        Assert.Equal(2, table.RowTotal(0));
        Assert.Equal(1, table.RowTotal(1));
        Assert.Equal(3, table.GrandTotal);
    }

    [Fact]
    public void followed_in_year_means_started_by_31_december_and_not_exited_before_1_january()
    {
        var startsOnLastDay = Fact("a", started: D(2026, 12, 31));
        var startsNextYear = Fact("b", started: D(2027, 1, 1));
        var exitsOnFirstDay = Fact("c", started: D(2025, 3, 1));
        exitsOnFirstDay.Exits.Add(new ExitFact(D(2026, 1, 1), "EMPLOI", null));
        var exitsLastYear = Fact("d", started: D(2025, 3, 1));
        exitsLastYear.Exits.Add(new ExitFact(D(2025, 12, 31), "EMPLOI", null));
        var openSinceLongAgo = Fact("e", started: D(2020, 9, 1));
        var referredNotStarted = Fact("f", referred: D(2026, 4, 1));

        var facts = new[] { startsOnLastDay, startsNextYear, exitsOnFirstDay, exitsLastYear, openSinceLongAgo, referredNotStarted };

        Assert.True(IndicatorCounter.ActiveIn(startsOnLastDay, 2026));
        Assert.False(IndicatorCounter.ActiveIn(startsNextYear, 2026));
        Assert.True(IndicatorCounter.ActiveIn(exitsOnFirstDay, 2026));
        Assert.False(IndicatorCounter.ActiveIn(exitsLastYear, 2026));
        Assert.True(IndicatorCounter.ActiveIn(openSinceLongAgo, 2026));
        Assert.False(IndicatorCounter.ActiveIn(referredNotStarted, 2026));
        Assert.Equal(3, Total(facts, "SUIVIS-PRE", 2026));
    }

    [Fact]
    public void a_reopened_pathway_is_active_in_the_years_of_each_period_but_not_in_the_gap()
    {
        var fact = Fact("a", started: D(2023, 1, 1));
        fact.Exits.Add(new ExitFact(D(2023, 6, 30), "ABANDON", D(2025, 2, 1)));
        fact.Exits.Add(new ExitFact(D(2025, 8, 1), "EMPLOI", D(2026, 3, 1)));

        Assert.True(IndicatorCounter.ActiveIn(fact, 2023));
        Assert.False(IndicatorCounter.ActiveIn(fact, 2024));
        Assert.True(IndicatorCounter.ActiveIn(fact, 2025));
        Assert.True(IndicatorCounter.ActiveIn(fact, 2026));
        Assert.True(IndicatorCounter.ActiveIn(fact, 2030));
        Assert.Equal(1, Total([fact], "SUIVIS-PRE", 2025));
    }

    [Fact]
    public void exits_are_counted_by_outcome_once_per_person_and_programme_with_the_last_exit_of_the_year()
    {
        var reopened = Fact("a", started: D(2025, 1, 1));
        reopened.Exits.Add(new ExitFact(D(2026, 2, 1), "ABANDON", D(2026, 3, 1)));
        reopened.Exits.Add(new ExitFact(D(2026, 9, 1), "EMPLOI", null));
        var training = Fact("b", started: D(2025, 1, 1));
        training.Exits.Add(new ExitFact(D(2026, 5, 1), "FORMATION", null));
        var lastYear = Fact("c", started: D(2024, 1, 1));
        lastYear.Exits.Add(new ExitFact(D(2025, 5, 1), "FORMATION", null));

        var table = IndicatorCounter.Count([reopened, training, lastYear], IndicatorCatalogue.Get("SORTIES"), 2026, null, Dimension.Outcome);

        Assert.Equal(["EMPLOI", "FORMATION"], table.RowLabels);
        Assert.Equal([[1], [1]], table.Counts);
    }

    [Fact]
    public void orientations_count_distinct_persons_per_destination_within_the_filter()
    {
        var pupil = Fact("a", source: "GPDS");
        pupil.Orientations.Add(new OrientationFact("o1", "SPIRALE", D(2026, 2, 1), OrientationAnswer.Accepted, D(2026, 2, 5)));
        pupil.Orientations.Add(new OrientationFact("o2", "SPIRALE", D(2026, 4, 1), OrientationAnswer.Pending, null));
        pupil.Orientations.Add(new OrientationFact("o3", "SAS", D(2026, 4, 1), OrientationAnswer.Pending, null));
        pupil.Orientations.Add(new OrientationFact("o4", "CEJ", D(2026, 4, 1), OrientationAnswer.Pending, null));
        var notGpds = Fact("b");
        notGpds.Orientations.Add(new OrientationFact("o5", "SAS", D(2026, 4, 1), OrientationAnswer.Pending, null));

        var table = IndicatorCounter.Count([pupil, notGpds], IndicatorCatalogue.Get("GPDS-ORIENTES"), 2026, null, Dimension.Destination);

        Assert.Equal(["SAS", "SPIRALE"], table.RowLabels);
        Assert.Equal([[1], [1]], table.Counts);
    }

    [Fact]
    public void acceptance_rate_is_accepted_over_answered_orientations_of_the_year_pending_excluded()
    {
        var fact = Fact("a");
        fact.Orientations.Add(new OrientationFact("o1", "SAS", D(2026, 1, 5), OrientationAnswer.Accepted, D(2026, 1, 20)));
        fact.Orientations.Add(new OrientationFact("o2", "SAS", D(2026, 1, 5), OrientationAnswer.Refused, D(2026, 2, 20)));
        fact.Orientations.Add(new OrientationFact("o3", "CEJ", D(2026, 1, 5), OrientationAnswer.Expired, D(2026, 3, 20)));
        fact.Orientations.Add(new OrientationFact("o4", "CEJ", D(2026, 1, 5), OrientationAnswer.Accepted, D(2026, 4, 20)));
        fact.Orientations.Add(new OrientationFact("o5", "CEJ", D(2026, 1, 5), OrientationAnswer.Pending, null));
        fact.Orientations.Add(new OrientationFact("o6", "CEJ", D(2025, 1, 5), OrientationAnswer.Refused, D(2025, 2, 1)));

        var value = IndicatorCounter.Measure([fact], IndicatorCatalogue.Get("TAUX-ACCEPTATION"), 2026, null);

        Assert.Equal(4, value.Population);
        Assert.Equal(0.5, value.Value);
    }

    [Fact]
    public void median_days_to_first_committee_decision_counts_decisions_of_the_year_from_the_referral_date()
    {
        var ten = Fact("a", referred: D(2026, 1, 1)); ten.FirstCommitteeDecisionOn = D(2026, 1, 11);
        var thirty = Fact("b", referred: D(2026, 1, 1)); thirty.FirstCommitteeDecisionOn = D(2026, 1, 31);
        var forty = Fact("c", referred: D(2025, 12, 22)); forty.FirstCommitteeDecisionOn = D(2026, 1, 31);
        var lastYear = Fact("d", referred: D(2025, 1, 1)); lastYear.FirstCommitteeDecisionOn = D(2025, 12, 1);
        var undecided = Fact("e", referred: D(2026, 1, 1));

        var value = IndicatorCounter.Measure([ten, thirty, forty, lastYear, undecided], IndicatorCatalogue.Get("DELAI-DECISION"), 2026, null);

        Assert.Equal(3, value.Population);
        Assert.Equal(30, value.Value);
    }

    [Fact]
    public void median_time_in_pathway_runs_from_the_start_to_each_exit_of_the_year_and_is_even_count_mean()
    {
        var short_ = Fact("a", started: D(2026, 1, 1));
        short_.Exits.Add(new ExitFact(D(2026, 1, 11), "EMPLOI", null));
        var long_ = Fact("b", started: D(2025, 1, 1));
        long_.Exits.Add(new ExitFact(D(2025, 1, 31), "ABANDON", D(2025, 6, 1)));
        long_.Exits.Add(new ExitFact(D(2026, 1, 1), "FORMATION", null));

        var value = IndicatorCounter.Measure([short_, long_], IndicatorCatalogue.Get("DUREE-PARCOURS"), 2026, null);

        Assert.Equal(2, value.Population);
        Assert.Equal((10 + 365) / 2.0, value.Value);
        Assert.Null(IndicatorCounter.Measure([short_], IndicatorCatalogue.Get("DUREE-PARCOURS"), 2024, null).Value);
    }

    [Fact]
    public void breakdown_by_sex_and_age_band_shows_every_category_and_sums_to_the_distinct_total()
    {
        var facts = new[]
        {
            Fact("a", started: D(2026, 1, 1), sex: Sex.F, ageBand: "6-10"),
            Fact("b", started: D(2026, 1, 1), sex: Sex.M, ageBand: "6-10"),
            Fact("c", started: D(2026, 1, 1), sex: Sex.M, ageBand: "11-15"),
            // The same person, older by now: counted once, in the band of the latest pathway.
            Fact("c", started: D(2026, 9, 1), sex: Sex.M, ageBand: "16-17"),
        };

        var table = IndicatorCounter.Count(facts, IndicatorCatalogue.Get("SUIVIS-PRE"), 2026, null, Dimension.Sex, Dimension.AgeBand);

        Assert.Equal(["F", "M"], table.RowLabels);
        Assert.Equal(AgeBand.All, table.ColumnLabels);
        Assert.Equal(1, table.Counts[0][1]);
        Assert.Equal(1, table.Counts[1][1]);
        Assert.Equal(1, table.Counts[1][3]);
        Assert.Equal(3, table.GrandTotal);
    }

    [Fact]
    public void breakdown_by_neighbourhood_folds_sub_sectors_into_their_qpv_and_a_neighbourhood_filters_the_facts()
    {
        var facts = new[]
        {
            Fact("a", started: D(2026, 1, 1), territory: "BEAU-MARAIS"),
            Fact("b", started: D(2026, 1, 1), territory: "BEAU-MARAIS-NORD", kind: TerritoryKind.SubSector, parent: "BEAU-MARAIS"),
            Fact("c", started: D(2026, 1, 1), territory: "FORT-NIEULAY"),
        };
        var definition = IndicatorCatalogue.Get("SUIVIS-PRE");

        var table = IndicatorCounter.Count(facts, definition, 2026, null, Dimension.Neighbourhood, Dimension.Sex);

        Assert.Equal(["BEAU-MARAIS", "FORT-NIEULAY"], table.RowLabels);
        Assert.Equal(2, table.RowTotal(0));
        Assert.Equal(1, table.RowTotal(1));
        Assert.Equal(2, Total(facts, "SUIVIS-PRE", 2026, "BEAU-MARAIS"));
    }

    [Fact]
    public void a_person_who_moved_counts_once_in_the_neighbourhood_of_their_latest_pathway_and_nowhere_else()
    {
        var facts = new[]
        {
            Fact("a", started: D(2026, 1, 1), territory: "FORT-NIEULAY"),
            Fact("a", started: D(2026, 6, 1), territory: "BEAU-MARAIS"),
            Fact("b", started: D(2026, 1, 1), territory: "FORT-NIEULAY"),
        };
        var definition = IndicatorCatalogue.Get("SUIVIS-PRE");

        var table = IndicatorCounter.Count(facts, definition, 2026, null, Dimension.Neighbourhood, Dimension.Sex);

        Assert.Equal([1, 1], table.RowLabels.Select((_, r) => table.RowTotal(r)));
        Assert.Equal(1, Total(facts, "SUIVIS-PRE", 2026, "BEAU-MARAIS"));
        Assert.Equal(1, Total(facts, "SUIVIS-PRE", 2026, "FORT-NIEULAY"));
    }

    [Fact]
    public void women_at_the_maison_des_femmes_counts_only_women_followed_there()
    {
        var facts = new[]
        {
            Fact("a", programme: "MDF", started: D(2026, 1, 1), sex: Sex.F, ageBand: "26-44"),
            Fact("b", programme: "MDF", started: D(2026, 1, 1), sex: Sex.M, ageBand: "26-44"),
            Fact("c", programme: "SAS", started: D(2026, 1, 1), sex: Sex.F, ageBand: "18-25"),
        };

        var table = IndicatorCounter.Count(facts, IndicatorCatalogue.Get("FEMMES-MDF"), 2026, null, Dimension.AgeBand);

        Assert.Equal(1, table.GrandTotal);
    }

    [Fact]
    public void a_dimension_not_allowed_by_the_definition_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            IndicatorCounter.Count([], IndicatorCatalogue.Get("FEMMES-MDF"), 2026, null, Dimension.Outcome));
        Assert.Throws<ArgumentException>(() =>
            IndicatorCounter.Count([], IndicatorCatalogue.Get("TAUX-ACCEPTATION"), 2026, null, Dimension.Neighbourhood));
    }

    [Fact]
    public void the_catalogue_has_unique_codes_per_version_and_french_labels()
    {
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(d => (d.Code, d.Version)).Distinct().Count());
        Assert.All(IndicatorCatalogue.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Label)));
        Assert.True(IndicatorCatalogue.All.Count >= 12);
    }
}
