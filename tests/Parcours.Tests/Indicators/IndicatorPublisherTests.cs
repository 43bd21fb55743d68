using Parcours.Indicators.Counting;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Tests.Indicators;

public sealed class IndicatorPublisherTests
{
    private static readonly string[] Neighbourhoods = ["BEAU-MARAIS", "FORT-NIEULAY", "SV-MOLLIEN", "HORS-QPV"];
    private static readonly string[] Programmes = ["PRE", "SAS", "CITE", "MDF"];
    private static readonly string[] Sources = ["ECOLE", "GPDS", "CDDF", "PJJ", "FAMILLE"];
    private static readonly string[] Destinations = ["SAS", "SPIRALE", "FABRIQUE", "MDF", "CEJ"];
    private static readonly string[] Outcomes = ["EMPLOI", "FORMATION", "DEMENAGEMENT", "ARRET"];

    /// <summary>A random territory of pathways (a fixed seed per case, so failures reproduce).</summary>
    private static List<IndicatorFact> World(int seed, int pathways)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
        var facts = new List<IndicatorFact>();
        for (var i = 0; i < pathways; i++)
        {
            // About one person in five has a second pathway.
            var person = random.Next(5) == 0 && facts.Count > 0 ? facts[random.Next(facts.Count)].Person : $"person-{i}";
            var referred = new DateOnly(2025, 1, 1).AddDays(random.Next(700));
            var started = random.Next(4) == 0 ? (DateOnly?)null : referred.AddDays(random.Next(60));
            var fact = new IndicatorFact
            {
                Id = $"pathway-{i}",
                Person = person,
                Programme = Pick(Programmes),
                TerritoryCode = Pick(Neighbourhoods),
                TerritoryKind = TerritoryKind.Qpv,
                Sex = random.Next(2) == 0 ? Sex.F : Sex.M,
                AgeBand = Pick(AgeBand.All),
                ReferralSource = Pick(Sources),
                ReferredOn = referred,
                StartedOn = started,
            };
            if (random.Next(3) == 0)
            {
                var proposed = referred.AddDays(random.Next(90));
                var answer = (OrientationAnswer)random.Next(4);
                fact.Orientations.Add(new OrientationFact($"o-{i}", Pick(Destinations), proposed, answer,
                    answer == OrientationAnswer.Pending ? null : proposed.AddDays(random.Next(30))));
                fact.FirstCommitteeDecisionOn = proposed;
            }
            if (started is { } s && random.Next(2) == 0)
            {
                var exited = s.AddDays(30 + random.Next(400));
                fact.ExitedOn = exited;
                fact.ExitOutcome = Pick(Outcomes);
                fact.Exits.Add(new ExitFact(exited, fact.ExitOutcome, null));
            }
            facts.Add(fact);
        }
        return facts;
    }

    private static IEnumerable<PublishedValue> Everything(PublishedYear year) =>
        year.Breakdowns.SelectMany(b => b.Table.Cells.SelectMany(row => row)
                .Concat(b.Table.RowTotals).Concat(b.Table.ColumnTotals).Append(b.Table.GrandTotal))
            .Concat(year.Measures.Select(m => m.Population));

    [Theory]
    [InlineData(1, 120)]
    [InlineData(2, 400)]
    [InlineData(3, 900)]
    public void no_published_count_or_population_lies_between_1_and_10(int seed, int pathways)
    {
        var published = IndicatorPublisher.Publish(World(seed, pathways), IndicatorCatalogue.All, [2025, 2026], DisclosureRules.Default);

        var shown = published.SelectMany(i => i.Years).SelectMany(Everything).Where(v => !v.IsSuppressed).Select(v => v.Value!.Value).ToList();
        Assert.Contains(shown, v => v >= 11);
        Assert.DoesNotContain(shown, v => v is >= 1 and <= 10);
    }

    [Fact]
    public void every_breakdown_of_an_indicator_year_shows_the_same_neighbourhood_totals_and_grand_total()
    {
        var published = IndicatorPublisher.Publish(World(4, 600), IndicatorCatalogue.All, [2026], DisclosureRules.Default);

        foreach (var year in published.Where(i => i.Definition.IsCount).Select(i => i.Years[0]))
        {
            var first = year.Breakdowns[0].Table;
            foreach (var other in year.Breakdowns.Skip(1).Select(b => b.Table))
            {
                Assert.Equal(first.RowLabels, other.RowLabels);
                Assert.Equal(first.RowTotals, other.RowTotals);
                Assert.Equal(first.GrandTotal, other.GrandTotal);
            }
        }
    }

    [Fact]
    public void a_neighbourhood_figure_is_its_row_of_the_breakdowns_and_a_neighbourhood_without_anyone_counts_zero()
    {
        var facts = World(5, 600);
        var published = IndicatorPublisher.Publish(facts, [IndicatorCatalogue.Get("SUIVIS-PRE")], [2026], DisclosureRules.Default);
        var year = published[0].Years[0];
        var bySex = year.Breakdown(Dimension.Sex)!.Table;
        var row = bySex.RowLabels.ToList().IndexOf("BEAU-MARAIS");

        Assert.Equal(bySex.RowTotals[row], year.Total("BEAU-MARAIS"));
        Assert.Equal(bySex.Cells[row].ToList(), year.Cells(Dimension.Sex, "BEAU-MARAIS").Select(c => c.Value));
        Assert.Equal(new PublishedValue(0, Suppression.None), year.Total("NOWHERE"));
        var counted = IndicatorCounter.Count(facts, IndicatorCatalogue.Get("SUIVIS-PRE"), 2026, "BEAU-MARAIS", Dimension.Sex).GrandTotal;
        Assert.True(year.Total("BEAU-MARAIS").IsSuppressed || year.Total("BEAU-MARAIS").Value == counted);
    }

    [Theory]
    [InlineData(6, 150)]
    [InlineData(7, 500)]
    public void no_hidden_figure_can_be_narrowed_below_the_threshold_from_all_the_breakdowns_of_its_indicator_year(int seed, int pathways)
    {
        var facts = World(seed, pathways);
        var hiddenSeen = 0;
        foreach (var definition in IndicatorCatalogue.All.Where(d => d.IsCount))
        {
            var tables = IndicatorPublisher.CountTables(facts, definition, 2026);
            var published = IndicatorPublisher.Publish(facts, [definition], [2026], DisclosureRules.Default)[0].Years[0]
                .Breakdowns.Select(b => b.Table).ToList();

            foreach (var (where, width) in DisclosureCheck.HiddenWidths(tables, published))
            {
                hiddenSeen++;
                Assert.True(width >= DisclosureRules.Default.ProtectionInterval - 1e-6, $"{definition.Code}: {where} narrowed to {width}");
            }
        }
        Assert.True(hiddenSeen > 0, "the random territory should need some suppression");
    }

    [Theory]
    [InlineData(8, 300)]
    [InlineData(9, 700)]
    public void the_same_people_counted_in_two_indicators_are_shown_in_both_or_hidden_in_both(int seed, int pathways)
    {
        var facts = World(seed, pathways);
        // Make the shared populations of the catalogue real: MDF is for women only.
        foreach (var fact in facts.Where(f => f.Programme == "MDF")) fact.Sex = Sex.F;
        var definitions = IndicatorCatalogue.All.Where(d => d.IsCount).ToList();
        var published = IndicatorPublisher.Publish(facts, definitions, [2026], DisclosureRules.Default);

        var figures = new List<(string Population, string Where, bool Hidden)>();
        foreach (var definition in definitions)
        {
            var counted = IndicatorPublisher.CountedTables(facts, definition, 2026);
            var tables = counted.Select(c => c.Table).ToList();
            var output = published.Single(p => p.Definition == definition).Years[0].Breakdowns.Select(b => b.Table).ToList();
            var members = new Dictionary<string, SortedSet<string>>();
            foreach (var (table, units) in counted)
                for (var r = 0; r < table.RowLabels.Count; r++)
                    for (var c = 0; c < table.ColumnLabels.Count; c++)
                        foreach (var key in new[] { LinearSystem.CellKey(table, r, c), LinearSystem.RowKey(table, r), LinearSystem.ColumnKey(table, c), LinearSystem.GrandKey(table) })
                        {
                            if (!members.TryGetValue(key, out var set)) members[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                            set.UnionWith(units[r][c]);
                        }
            foreach (var (key, value) in DisclosureCheck.Figures(tables, output))
                if (members.TryGetValue(key, out var people) && people.Count > 0) figures.Add((string.Join(",", people), $"{definition.Code} {key}", value.IsSuppressed));
        }

        var shared = figures.GroupBy(f => f.Population).Where(g => g.Select(f => f.Where.Split(' ')[0]).Distinct().Count() > 1).ToList();
        Assert.NotEmpty(shared);
        foreach (var group in shared)
            Assert.True(group.All(f => f.Hidden) || group.All(f => !f.Hidden), string.Join("; ", group.Select(f => $"{f.Where}={(f.Hidden ? "hidden" : "shown")}")));
    }

    [Fact]
    public void a_measure_over_too_few_units_is_hidden_with_its_population_and_another_so_the_total_cannot_reveal_it()
    {
        var facts = new List<IndicatorFact>();
        void Exit(string neighbourhood, int count, int days)
        {
            for (var i = 0; i < count; i++)
            {
                var started = new DateOnly(2026, 1, 5);
                facts.Add(new IndicatorFact
                {
                    Id = $"{neighbourhood}-{i}", Person = $"{neighbourhood}-{i}", Programme = "SAS", TerritoryCode = neighbourhood,
                    TerritoryKind = TerritoryKind.Qpv, Sex = Sex.F, AgeBand = "18-25", ReferralSource = "FAMILLE",
                    ReferredOn = started, StartedOn = started, ExitedOn = started.AddDays(days), ExitOutcome = "EMPLOI",
                    Exits = [new ExitFact(started.AddDays(days), "EMPLOI", null)],
                });
            }
        }
        Exit("BEAU-MARAIS", 30, 100);
        Exit("FORT-NIEULAY", 20, 200);
        Exit("SV-MOLLIEN", 3, 50);

        var year = IndicatorPublisher.Publish(facts, [IndicatorCatalogue.Get("DUREE-PARCOURS")], [2026], DisclosureRules.Default)[0].Years[0];

        Assert.True(year.Measure("SV-MOLLIEN")!.IsSuppressed);
        Assert.Null(year.Measure("SV-MOLLIEN")!.Value);
        Assert.Equal(1, new[] { "BEAU-MARAIS", "FORT-NIEULAY" }.Count(n => year.Measure(n)!.IsSuppressed));
        Assert.Equal(53, year.Measure()!.Population.Value);
        Assert.Equal(100, year.Measure()!.Value);
    }
}
