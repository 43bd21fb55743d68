using System.Globalization;
using System.Text;
using Alba;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Demo;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Parcours.Tests.Support;
using Xunit.Abstractions;

namespace Parcours.Tests.Demo;

/// <summary>
/// The publication of the default demo territory (400 pathways, seed 2030) on a fixed day:
/// every indicator has figures of a plausible order of magnitude, and nothing between 1 and 10
/// is published. The figures quoted in docs/indicators.md come from this test's output.
/// </summary>
public sealed class DemoIndicatorsTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The day the documented figures were computed: the demo's "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private IAlbaHost _host = null!;
    private Publication _publication = null!;
    private IReadOnlyList<IndicatorFact> _facts = [];

    public async Task InitializeAsync()
    {
        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Parcours", TestCluster.ConnectionString("parcours_demo_indicators"));
            builder.UseSetting("Parcours:DaemonMode", "Solo");
            builder.UseSetting("Parcours:SeedDemo", "true");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        });
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(3));
        _publication = await _host.Services.GetRequiredService<IndicatorPublications>().LiveAsync([2023, 2024, 2025, 2026], CancellationToken.None);
        await using var session = store.QuerySession();
        _facts = await session.Query<IndicatorFact>().ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void the_demo_publication_is_plausible_and_publishes_nothing_between_1_and_10()
    {
        output.WriteLine(Describe(_publication));
        Assert.Equal(DemoTerritory.DefaultPathways, _facts.Count);

        // No published figure, in any breakdown, margin or measure's population, lies in 1..10.
        foreach (var indicator in _publication.Indicators)
        foreach (var year in indicator.Years)
        {
            var figures = year.Breakdowns.SelectMany(b => b.Table.Cells.SelectMany(r => r).Concat(b.Table.RowTotals).Concat(b.Table.ColumnTotals).Append(b.Table.GrandTotal))
                .Concat(year.Measures.Select(m => m.Population));
            Assert.DoesNotContain(figures, f => f.Value is >= 1 and <= 10);
        }

        // Every count has a published whole-territory figure in some recent year, and every measure
        // one for the last full year, except the time to a committee decision: the demo's pathways
        // have no past committee decision (its calendar only schedules the coming sittings).
        foreach (var indicator in _publication.Indicators.Where(i => i.Definition.Code != "DELAI-DECISION"))
        {
            if (indicator.Definition.IsCount)
                Assert.Contains(new[] { 2024, 2025, 2026 }, y => indicator.Year(y)!.Total() is { IsSuppressed: false, Value: >= 11 });
            else Assert.True(indicator.Year(2025)!.Measure() is { IsSuppressed: false, Value: not null }, $"{indicator.Definition.Code} 2025");
        }
        Assert.Equal(0, _publication.Indicator("DELAI-DECISION").Year(2025)!.Measure()!.Population.Value);

        // The PRE follows children every year, in the order of magnitude of a territory about a
        // quarter of Calais' (the contract's 2023 figure is 252).
        foreach (var y in new[] { 2024, 2025, 2026 }) Assert.InRange(Total("SUIVIS-PRE", y), 50, 252);
        Assert.True(Total("SUIVIS-PRE", 2025) > Total("SAISINES-PRE", 2025), "children followed in a year include those referred earlier");
        Assert.InRange(Total("ACCOMPAGNES-STRUCTURES", 2025), 40, 400);
        Assert.InRange(Total("PERMANENCES-MDF", 2025), 300, 1500);

        // Women only at the Maison des Femmes; its permanences receive mostly women.
        Assert.All(_facts.Where(f => f.Programme == "MDF"), f => Assert.Equal(Sex.F, f.Sex));
        var bySex = _publication.Indicator("PERMANENCES-MDF").Year(2025)!.Cells(Dimension.Sex).ToDictionary(c => c.Category, c => c.Value.Value ?? 0);
        Assert.True(bySex["F"] > 5 * bySex["M"], $"{bySex["F"]} women, {bySex["M"]} men");

        // Measures in plausible ranges: an acceptance rate, months to years in a pathway.
        Assert.InRange(Measure("TAUX-ACCEPTATION", 2025), 0.4, 0.9);
        Assert.InRange(Measure("DUREE-PARCOURS", 2025), 60, 720);
    }

    private int Total(string code, int year) => _publication.Indicator(code).Year(year)!.Total().Value ?? 0;

    private double Measure(string code, int year) => _publication.Indicator(code).Year(year)!.Measure()!.Value!.Value;

    /// <summary>The figures as a Markdown table (whole territory per year, Beau Marais in 2026), for the documentation.</summary>
    private static string Describe(Publication publication)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        string Show(PublishedIndicator indicator, int y, string? neighbourhood)
        {
            var year = indicator.Year(y)!;
            if (indicator.Definition.IsCount)
            {
                var total = year.Total(neighbourhood);
                return total.IsSuppressed ? $"secret ({total.Suppression})" : total.Value!.Value.ToString(fr);
            }
            var measure = year.Measure(neighbourhood);
            if (measure is null) return "—";
            if (measure.IsSuppressed) return "secret";
            var value = indicator.Definition.Kind == IndicatorKind.OrientationAcceptanceRate ? $"{measure.Value:P0}" : $"{measure.Value:0}";
            return $"{value} (n = {measure.Population.Value})";
        }
        var text = new StringBuilder("| Code | 2023 | 2024 | 2025 | 2026 | 2026 Beau Marais |\n|---|---|---|---|---|---|\n");
        foreach (var indicator in publication.Indicators)
        {
            text.Append($"| {indicator.Definition.Code} | {string.Join(" | ", new[] { 2023, 2024, 2025, 2026 }.Select(y => Show(indicator, y, null)))} | {Show(indicator, 2026, "BM")} |\n");
        }
        return text.ToString();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
