using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Demo;
using Parcours.Identity;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Indicators;

/// <summary>The dashboard page shows parts of the live publication, to those who may read it, and never a small count.</summary>
public sealed partial class DashboardPageTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task every_figure_of_the_page_is_the_publication_s_for_the_chosen_year_and_neighbourhood_and_none_lies_between_1_and_10()
    {
        await Host.Services.GetRequiredService<DemoLoader>().LoadAsync(900, DemoTerritory.DefaultSeed, Clock.GetUtcNow(), CancellationToken.None);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var publication = await Host.Services.GetRequiredService<IndicatorPublications>().LiveAsync(null, CancellationToken.None);
        IndicatorLabels labels;
        await using (var session = Store.QuerySession()) labels = await IndicatorLabels.LoadAsync(session, CancellationToken.None);

        var counts = 0;
        foreach (var (year, neighbourhood) in new[] { (2026, "BM"), (2024, (string?)null), (2023, "SV-MOLLIEN") })
        {
            var query = $"/indicateurs?annee={year}" + (neighbourhood is null ? "" : $"&quartier={neighbourhood}");
            var (status, page) = await Get(query, Staff.StatisticsCoordinator);
            Assert.Equal(200, status);

            foreach (var indicator in publication.Indicators)
            {
                var section = Section(page, indicator.Definition.Code);
                var published = indicator.Year(year)!;
                var figure = FigureOf(section);
                var rows = Rows(section);
                if (indicator.Definition.IsCount)
                {
                    Assert.Equal(Expected(published.Total(neighbourhood)), figure);
                    var expected = indicator.Years.Select(y => (y.Year.ToString(CultureInfo.InvariantCulture), Expected(y.Total(neighbourhood)))).ToList();
                    foreach (var by in new[] { Dimension.Sex, Dimension.AgeBand }.Where(d => published.Breakdown(d) is not null))
                        expected.AddRange(published.Cells(by, neighbourhood).Select(c => (labels.Of(by, c.Category), Expected(c.Value))));
                    Assert.Equal(expected, rows);
                    counts += rows.Count(r => r.Item2.StartsWith("count:", StringComparison.Ordinal));
                }
                else
                {
                    var rate = indicator.Definition.Kind == IndicatorKind.OrientationAcceptanceRate;
                    Assert.Equal(Expected(published.Measure(neighbourhood), rate), figure);
                    Assert.Equal(indicator.Years.Select(y => (y.Year.ToString(CultureInfo.InvariantCulture), Expected(y.Measure(neighbourhood), rate))).ToList(), rows);
                }
            }

            Assert.All(CountAttribute().Matches(page), m => Assert.False(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 10, $"{m.Value} in {query}"));
            foreach (var chart in Charts(page).Where(c => c.GetProperty("unit").GetString() == "count"))
            foreach (var value in chart.GetProperty("data").EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null))
                Assert.False(value.GetDouble() is >= 1 and <= 10, $"{chart.GetProperty("id")} in {query}");
        }
        Assert.True(counts > 50, "The demo territory publishes figures, not only secrets.");
    }

    [Fact]
    public async Task a_small_neighbourhood_shows_secret_with_its_reason_and_no_evolution_never_the_count()
    {
        for (var i = 0; i < 3; i++) await Host.Referred(PreReferral(Child(age: 8 + i), on: Today.AddDays(-3)));
        await Store.WaitForNonStaleProjectionDataAsync(Patience);

        var (status, page) = await Get($"/indicateurs?annee={Today.Year}&quartier=BM", Staff.StatisticsCoordinator);

        Assert.Equal(200, status);
        var referrals = Section(page, "SAISINES-PRE");
        Assert.Equal("secret:Primary", FigureOf(referrals));
        Assert.Contains("secret <span class=\"secret__why\">(effectif inférieur à 11)</span>", referrals);
        Assert.Contains($"Évolution depuis 2023 non publiée", referrals);
        Assert.DoesNotMatch(CountAttribute(), page.Replace("data-count=\"0\"", ""));
        Assert.Contains(Rows(referrals), r => r.Item2 == "secret:Primary");
    }

    [Fact]
    public async Task statistics_and_programme_coordinators_read_the_dashboard_and_other_workers_get_the_french_403_page()
    {
        var readers = new[] { Staff.StatisticsCoordinator, Staff.PreCoordinator, Staff.MdfWorker };
        var others = new[] { Staff.PreReferent, Staff.SchoolWorker, Staff.DataProtectionOfficer, Staff.Administrator };

        foreach (var reader in readers)
        {
            var (status, page) = await Get("/indicateurs", reader);
            Assert.Equal(200, status);
            Assert.Contains("<h1>Indicateurs du contrat de ville</h1>", page);
            Assert.Contains("href=\"/indicateurs\" aria-current=\"page\"", page);
        }
        foreach (var other in others)
        {
            var (status, page) = await Get("/indicateurs", other);
            Assert.Equal(403, status);
            Assert.Contains("vous n'y avez pas accès", WebUtility.HtmlDecode(page));
            Assert.DoesNotContain("Indicateurs du contrat", page);
            Assert.DoesNotContain("href=\"/indicateurs\"", page);
        }
    }

    [Fact]
    public async Task the_statistics_coordinator_s_home_is_the_dashboard()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Get.Url("/");
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        });
        Assert.Equal("/indicateurs", result.Context.Response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("annee=1999", 400, "L'année « 1999 » n'est pas publiée : choisissez une année de 2023 à")]
    [InlineData("annee=deux-mille", 400, "L'année « deux-mille » n'est pas publiée")]
    [InlineData("annee=2024.5", 400, "L'année « 2024.5 » n'est pas publiée")]
    [InlineData("annee=99999999999999999999", 400, "n'est pas publiée")]
    [InlineData("quartier=ATLANTIDE", 404, "Aucun quartier ne porte le code « ATLANTIDE ».")]
    [InlineData("quartier=BM-GREUZE-VADEZ", 404, "« Beau Marais – Greuze-Vadez » est un sous-secteur : les indicateurs sont publiés pour le quartier « Beau Marais »")]
    [InlineData("annee=2025&quartier=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404, "Aucun quartier ne porte le code « <script>alert(1)</script> ».")]
    public async Task a_year_or_neighbourhood_that_is_not_published_gets_a_french_message_not_an_error(string query, int expected, string message)
    {
        var (status, page) = await Get($"/indicateurs?{query}", Staff.StatisticsCoordinator);

        Assert.Equal(expected, status);
        Assert.Contains(message, WebUtility.HtmlDecode(page));
        Assert.Contains("role=\"alert\"", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("data-indicator", page);
    }

    [Theory]
    [InlineData("BEAU-MARAIS")]
    [InlineData("beau-marais")]
    [InlineData("bm")]
    public async Task a_neighbourhood_is_found_by_its_code_or_its_name_as_written_in_a_url(string value)
    {
        var (status, page) = await Get($"/indicateurs?annee=2026&quartier={value}", Staff.StatisticsCoordinator);

        Assert.Equal(200, status);
        Assert.Contains("Beau Marais, année 2026", page);
        Assert.Contains("<option value=\"BM\" selected=\"selected\">Beau Marais</option>", page);
        Assert.Contains("href=\"/api/indicators/export.csv?annee=2026&amp;quartier=BM\"", page);
    }

    private async Task<(int Status, string Body)> Get(string url, Habilitation worker)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    private static string Expected(PublishedValue value) =>
        value.IsSuppressed ? $"secret:{value.Suppression}" : $"count:{value.Value}";

    private static string Expected(PublishedMeasure? measure, bool rate) => measure switch
    {
        { IsSuppressed: true } => $"secret:{measure.Population.Suppression}",
        { Value: { } v } => "text:" + (rate ? (v * 100).ToString("0.#", French) + "\u00a0%" : v.ToString("0.#", French) + (v >= 2 ? " jours" : " jour")),
        _ => "text:aucune donnée",
    };

    /// <summary>One indicator's section of the page.</summary>
    private static string Section(string page, string code)
    {
        var start = page.IndexOf($"data-indicator=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section for {code}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    private static string FigureOf(string section) => CellOf(FigureParagraph().Match(section).Groups[1].Value);

    private static List<(string, string)> Rows(string section) =>
        RowCells().Matches(section).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), CellOf(m.Groups[2].Value))).ToList();

    /// <summary>"count:N" (and the text shows N in French), "secret:Reason" or "text:…".</summary>
    private static string CellOf(string html)
    {
        if (SecretAttribute().Match(html) is { Success: true } secret) return $"secret:{secret.Groups[1].Value}";
        if (CountElement().Match(html) is { Success: true } count)
        {
            var n = int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(n.ToString("N0", French), WebUtility.HtmlDecode(count.Groups[2].Value));
            return $"count:{n}";
        }
        return "text:" + WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")).Trim();
    }

    private static IEnumerable<JsonElement> Charts(string page)
    {
        var data = ChartJson().Match(page);
        return data.Success ? JsonDocument.Parse(data.Groups[1].Value).RootElement.EnumerateArray().ToList() : [];
    }

    [GeneratedRegex("data-figure=\"[^\"]+\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FigureParagraph();

    [GeneratedRegex("<th scope=\"row\">(.*?)</th>\\s*<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex RowCells();

    [GeneratedRegex("data-secret=\"(\\w+)\"")]
    private static partial Regex SecretAttribute();

    [GeneratedRegex("<data value=\"(\\d+)\" data-count=\"\\d+\">(.*?)</data>", RegexOptions.Singleline)]
    private static partial Regex CountElement();

    [GeneratedRegex("data-count=\"(\\d+)\"")]
    private static partial Regex CountAttribute();

    [GeneratedRegex("<script type=\"application/json\" id=\"indicateurs-donnees\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartJson();
}
