using System.Text;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Exporting;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Tests.Indicators;

/// <summary>The report's view of a publication, and the CSV's writing rules, without a database.</summary>
public sealed class ExportViewTests
{
    private static int _next;

    private static IndicatorFact Referral(string territory, int year, Sex sex = Sex.F) => new()
    {
        Id = $"pathway-{Interlocked.Increment(ref _next)}",
        Person = $"person-{_next}",
        Programme = "PRE",
        TerritoryCode = territory,
        TerritoryKind = TerritoryKind.Qpv,
        Sex = sex,
        AgeBand = "6-10",
        ReferralSource = "ECOLE",
        ReferredOn = new DateOnly(year, 3, 1),
    };

    private static Publication Published(IEnumerable<IndicatorFact> facts)
    {
        var years = new[] { 2023, 2026 };
        return new Publication(DateTimeOffset.UnixEpoch, null, 42, 11, 2023, years,
            IndicatorPublisher.Publish(facts.ToList(), IndicatorCatalogue.All, years, new DisclosureRules(11)));
    }

    private static readonly IndicatorLabels Labels = new(new Dictionary<(Dimension, string), string> { [(Dimension.Neighbourhood, "BM")] = "Beau Marais" });

    private static ReportIndicator Referrals(IndicatorReport report) => report.Indicators.Single(i => i.Code == "SAISINES-PRE");

    [Fact]
    public void a_neighbourhood_shows_its_row_of_the_publication_and_the_evolution_of_two_published_figures()
    {
        var facts = Enumerable.Range(0, 12).Select(_ => Referral("BM", 2023))
            .Concat(Enumerable.Range(0, 30).Select(i => Referral("BM", 2026, i < 15 ? Sex.F : Sex.M)))
            .Concat(Enumerable.Range(0, 20).Select(_ => Referral("FNCSP", 2026)));
        var publication = Published(facts);

        var report = IndicatorReport.Of(publication, 2026, "BM", Labels);
        var referrals = Referrals(report);
        var published = publication.Indicator("SAISINES-PRE").Year(2026)!;
        Assert.Equal(("Beau Marais", 12.0, 30.0, 18.0), (report.NeighbourhoodLabel, referrals.Baseline.Value.Value, referrals.Current.Value.Value, referrals.Evolution.Value));
        Assert.Equal(published.Cells(Dimension.Sex, "BM").Select(c => (double?)c.Value.Value), referrals.Breakdowns.Single(b => b.By == Dimension.Sex).Cells.Select(c => c.Value.Value));
        Assert.Equal(["Sexe", "Tranche d'âge"], referrals.Breakdowns.Take(2).Select(b => b.Label));
        Assert.DoesNotContain(referrals.Breakdowns, b => b.By == Dimension.Neighbourhood);
    }

    [Fact]
    public void an_evolution_from_a_hidden_figure_is_hidden_too()
    {
        var facts = Enumerable.Range(0, 4).Select(_ => Referral("BM", 2023))
            .Concat(Enumerable.Range(0, 20).Select(_ => Referral("FNCSP", 2023)))
            .Concat(Enumerable.Range(0, 30).Select(_ => Referral("BM", 2026)));
        var referrals = Referrals(IndicatorReport.Of(Published(facts), 2026, "BM", Labels));

        Assert.Equal(new ReportFigure(null, Secrecy.Primary), referrals.Baseline.Value);
        Assert.Equal(30.0, referrals.Current.Value.Value);
        Assert.Equal(new ReportFigure(null, Secrecy.Derived), referrals.Evolution);
    }

    [Fact]
    public void the_whole_territory_also_shows_each_neighbourhood_and_a_year_outside_the_publication_is_refused()
    {
        var publication = Published(Enumerable.Range(0, 15).Select(_ => Referral("BM", 2026)));
        var report = IndicatorReport.Of(publication, 2026, null, Labels);
        Assert.Equal("Ensemble du territoire", report.NeighbourhoodLabel);
        var neighbourhoods = Referrals(report).Breakdowns.Single(b => b.By == Dimension.Neighbourhood);
        Assert.Equal([("BM", "Beau Marais", 15.0)], neighbourhoods.Cells.Select(c => (c.Code, c.Label, c.Value.Value!.Value)));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorReport.Of(publication, 2025, null, Labels));
    }

    [Theory]
    [InlineData("Beau Marais", "Beau Marais")]
    [InlineData("La Spirale, la ferme; SAS", "\"La Spirale, la ferme; SAS\"")]
    [InlineData("Dit \"le club\"", "\"Dit \"\"le club\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("deux\nlignes", "\"deux\nlignes\"")]
    public void a_csv_field_is_quoted_only_when_needed_and_never_read_as_a_formula(string value, string written) =>
        Assert.Equal(written, IndicatorCsv.Field(value));

    [Theory]
    [InlineData(66.66, "66,7")]
    [InlineData(12.0, "12")]
    [InlineData(-3.5, "-3,5")]
    [InlineData(1234.0, "1234")]
    public void numbers_use_a_decimal_comma_without_grouping(double value, string written) =>
        Assert.Equal(written, ReportText.Number(value));

    [Theory]
    [InlineData("Beau Marais", "beau-marais")]
    [InlineData("Fort Nieulay – Cailloux – Saint-Pierre", "fort-nieulay-cailloux-saint-pierre")]
    [InlineData("Crèvecœur / Curie", "crevecoeur-curie")]
    public void file_names_are_slugs_of_the_neighbourhood(string label, string slug) =>
        Assert.Equal(slug, ReportText.Slug(label));

    [Fact]
    public void every_kind_of_indicator_has_its_counting_rule_in_the_report() =>
        Assert.All(Enum.GetValues<IndicatorKind>(), kind => Assert.NotEqual("", ReportText.Rule(kind)));

    [Fact]
    public void the_csv_starts_with_a_bom_and_ends_lines_with_crlf()
    {
        var report = IndicatorReport.Of(Published([]), 2026, null, Labels);
        var bytes = IndicatorCsv.Write(report);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Indicateur;Code;Version;Année;Quartier;Ventilation;Catégorie;Valeur;Secret statistique\r\n", text);
    }
}
