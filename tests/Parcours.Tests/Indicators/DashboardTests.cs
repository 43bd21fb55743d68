using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Parcours.Pages.Indicateurs;
using Parcours.Reference;

namespace Parcours.Tests.Indicators;

/// <summary>The dashboard's reading of a publication: French figures, secrets with their reason, evolutions only between published figures.</summary>
public sealed class DashboardTests
{
    private static readonly int[] Years = [2023, 2024, 2025, 2026];
    private static readonly IndicatorLabels Labels = new(new Dictionary<(Dimension, string), string>());

    private static IEnumerable<IndicatorFact> Referrals(int year, int women, int men, string territory = "BM") =>
        Enumerable.Range(0, women + men).Select(i => new IndicatorFact
        {
            Id = $"{territory}-{year}-{i}",
            Person = $"person-{territory}-{year}-{i}",
            Programme = "PRE",
            TerritoryCode = territory,
            TerritoryKind = TerritoryKind.Qpv,
            Sex = i < women ? Sex.F : Sex.M,
            AgeBand = "6-10",
            ReferralSource = "ECOLE",
            ReferredOn = new DateOnly(year, 3, 1),
        });

    private static DashboardCard Card(IEnumerable<IndicatorFact> facts, int year, string code = "SAISINES-PRE", string? neighbourhood = "BM")
    {
        var publication = new Publication(DateTimeOffset.UnixEpoch, null, 0, 11, 2023, Years,
            IndicatorPublisher.Publish(facts.ToList(), IndicatorCatalogue.All, Years, DisclosureRules.Default));
        return Dashboard.Build(publication, Labels, year, neighbourhood, "Beau Marais").Single(c => c.Code == code);
    }

    [Fact]
    public void a_count_s_evolution_is_its_difference_and_percentage_since_the_baseline_year()
    {
        var card = Card([.. Referrals(2023, 12, 12), .. Referrals(2026, 15, 15)], 2026);

        Assert.Equal(("30", (double?)30, 30), (card.Figure.Text, card.Figure.Number, card.Figure.Count));
        Assert.Equal("+6 (+25\u00a0%) depuis 2023", card.Evolution.Text);
        Assert.Equal("2023 : 24", card.Evolution.Baseline);
    }

    [Fact]
    public void the_evolution_is_hidden_when_the_baseline_figure_is_secret()
    {
        var card = Card([.. Referrals(2023, 3, 2), .. Referrals(2026, 15, 15)], 2026);

        Assert.Null(card.Evolution.Text);
        Assert.Equal("Évolution depuis 2023 non publiée : l'une des deux valeurs est secrète ou manquante.", card.Evolution.Hidden);
    }

    [Fact]
    public void in_the_baseline_year_the_evolution_says_it_is_the_reference()
    {
        var card = Card(Referrals(2023, 12, 12), 2023);

        Assert.Equal((null, "Année de référence du contrat."), (card.Evolution.Text, card.Evolution.Hidden));
    }

    [Fact]
    public void a_secret_count_says_why_and_is_a_gap_in_its_chart_never_a_zero()
    {
        var card = Card([.. Referrals(2023, 12, 12), .. Referrals(2025, 4, 3), .. Referrals(2026, 15, 15)], 2025);

        Assert.Equal(("secret", (double?)null, (int?)null, "effectif inférieur à 11"), (card.Figure.Text, card.Figure.Number, card.Figure.Count, card.Figure.Why));
        var years = card.Charts.Single(c => c.Line);
        Assert.Equal(["2023", "2024", "2025", "2026"], years.Points.Select(p => p.Label));
        Assert.Equal([24, 0, null, 30], years.Points.Select(p => p.Cell.Number));
        Assert.All(card.Charts.SelectMany(c => c.Points), p => Assert.False(p.Cell.Number is >= 1 and <= 10));
    }

    [Fact]
    public void a_count_is_broken_down_by_sex_and_age_band_for_the_neighbourhood_and_a_cell_hidden_to_protect_another_says_so()
    {
        // 15 women and 5 men: the men are a primary secret, the women then a secondary one (else 20 − 15 gives the men).
        var card = Card([.. Referrals(2026, 15, 5), .. Referrals(2026, 30, 30, "FNCSP")], 2026);

        var sexes = card.Charts.Single(c => c.Title == IndicateursText.BySex);
        Assert.Equal(["Femmes", "Hommes"], sexes.Points.Select(p => p.Label));
        Assert.Equal([Suppression.Secondary, Suppression.Primary], sexes.Points.Select(p => p.Cell.Suppression));
        Assert.Equal("masqué pour protéger une autre case", sexes.Points[0].Cell.Why);
        var ages = card.Charts.Single(c => c.Title == IndicateursText.ByAgeBand);
        Assert.Equal(AgeBand.All.Select(a => Labels.Of(Dimension.AgeBand, a)), ages.Points.Select(p => p.Label));
    }

    [Fact]
    public void an_indicator_without_a_sex_dimension_says_it_has_no_breakdown_by_sex()
    {
        var card = Card(Referrals(2026, 15, 15), 2026, "FEMMES-MDF");

        Assert.Contains(IndicateursText.NoSexBreakdown, card.Notes);
        Assert.DoesNotContain(card.Charts, c => c.Title == IndicateursText.BySex);
    }

    [Fact]
    public void rates_medians_and_changes_are_written_the_french_way()
    {
        Assert.Equal("62,5\u00a0%", IndicateursText.Percent(0.625));
        Assert.Equal("45 jours", IndicateursText.Days(45));
        Assert.Equal("1 jour", IndicateursText.Days(1));
        Assert.Equal("\u22123,5 points", IndicateursText.Points(-3.5));
        Assert.Equal("\u22124 (\u221216,7\u00a0%)", IndicateursText.CountChange(20, 24));
        Assert.Equal("+12", IndicateursText.CountChange(12, 0));
    }
}
