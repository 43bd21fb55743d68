using Parcours.Indicators.Counting;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Tests.Indicators;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Permanences;
using Parcours.Permanences.Recording;
using Parcours.Reference;

namespace Parcours.Tests.Permanences;

public sealed class PermanenceCountingTests
{
    private static readonly IndicatorDefinition Permanences = IndicatorCatalogue.Get("PERMANENCES-MDF");

    private static ReceptionFact Held(DateOnly on, string territory, params PeopleReceived[] received)
    {
        var t = ReferenceSeed.Territories.Single(x => x.Id == territory);
        return new ReceptionFact { Id = Guid.CreateVersion7(), Kind = "JURISTE", HeldOn = on, TerritoryCode = territory, TerritoryKind = t.Kind, ParentTerritoryCode = t.ParentId, Received = [.. received] };
    }

    [Fact]
    public void people_received_add_up_over_the_sessions_held_in_the_year_in_the_neighbourhood_of_the_session()
    {
        ReceptionFact[] facts =
        [
            Held(new(2026, 3, 2), "BM-GREUZE-VADEZ", new PeopleReceived(Sex.F, "26-44", 5), new PeopleReceived(Sex.M, "26-44", 1)),
            Held(new(2026, 9, 14), "BM", new PeopleReceived(Sex.F, "26-44", 7), new PeopleReceived(Sex.F, "60+", 2)),
            Held(new(2026, 5, 4), "HORS-QPV", new PeopleReceived(Sex.F, "18-25", 4)),
            Held(new(2025, 12, 31), "BM", new PeopleReceived(Sex.F, "26-44", 40)),
        ];
        var bySex = IndicatorCounter.CountReceptions(facts, Permanences, 2026, null, Dimension.Neighbourhood, Dimension.Sex);
        Assert.Equal(["BM", "HORS-QPV"], bySex.RowLabels);
        Assert.Equal(["F", "M"], bySex.ColumnLabels);
        Assert.Equal([14, 1], bySex.Counts[0]);
        Assert.Equal([4, 0], bySex.Counts[1]);
        Assert.Equal(19, bySex.GrandTotal);

        var byAge = IndicatorCounter.CountReceptions(facts, Permanences, 2026, "BM", Dimension.AgeBand);
        Assert.Equal(AgeBand.All, byAge.RowLabels);
        Assert.Equal(13, byAge.Counts[AgeBand.All.ToList().IndexOf("26-44")][0]);
    }

    [Theory]
    [InlineData(3, 40)]
    [InlineData(4, 150)]
    public void no_hidden_figure_of_the_permanences_can_be_narrowed_below_the_threshold_and_none_lies_in_1_to_10(int seed, int sessions)
    {
        var random = new Random(seed);
        var territories = ReferenceSeed.Territories.Where(t => t.IsValidOn(new DateOnly(2026, 1, 1))).Select(t => t.Id).ToArray();
        var facts = Enumerable.Range(0, sessions).Select(_ => Held(new DateOnly(2026, random.Next(1, 13), random.Next(1, 29)), territories[random.Next(territories.Length)],
                AgeBand.All.Skip(3).Where(_ => random.NextDouble() < 0.4).Select(band => new PeopleReceived(random.NextDouble() < 0.85 ? Sex.F : Sex.M, band, random.Next(0, 6)))
                    .DistinctBy(r => (r.Sex, r.AgeBand)).ToArray()))
            .ToList();

        var tables = IndicatorPublisher.CountTables([], Permanences, 2026, facts);
        var published = IndicatorPublisher.Publish([], [Permanences], [2026], DisclosureRules.Default, facts)[0].Years[0].Breakdowns.Select(b => b.Table).ToList();
        Assert.Equal(2, tables.Count);
        Assert.True(tables[0].GrandTotal > 0);
        Assert.All(DisclosureCheck.HiddenWidths(tables, published), hidden => Assert.True(hidden.Width >= DisclosureRules.Default.ProtectionInterval - 1e-6, hidden.Where));
        Assert.DoesNotContain(DisclosureCheck.Figures(tables, published), f => f.Value.Value is >= 1 and <= 10);
    }

    [Fact]
    public void a_permanence_indicator_is_not_counted_from_pathways_nor_a_pathway_indicator_from_sessions()
    {
        Assert.Throws<ArgumentException>(() => IndicatorCounter.Count([], Permanences, 2026, null, Dimension.Neighbourhood));
        Assert.Throws<ArgumentException>(() => IndicatorCounter.CountReceptions([], IndicatorCatalogue.Get("SUIVIS-PRE"), 2026, null, Dimension.Neighbourhood));
        Assert.Throws<ArgumentException>(() => IndicatorCounter.CountReceptions([], Permanences, 2026, null, Dimension.Neighbourhood, Dimension.Programme));
    }

    [Fact]
    public void a_session_in_the_future_or_of_an_unknown_kind_is_refused_and_zero_lines_are_dropped()
    {
        var worker = CurrentWorker.Of(Staff.MdfWorker);
        var today = new DateOnly(2026, 11, 26);
        var territory = ReferenceSeed.Territories.Single(t => t.Id == "BM");
        var command = new RecordPermanenceSession(Guid.CreateVersion7(), today, "ECOUTE", "BM", [new ReceivedLine(Sex.F, "26-44", 0), new ReceivedLine(Sex.F, "18-25", 3)], worker);

        Assert.Equal("heldOn", RecordPermanenceSessionHandler.Decide(command with { HeldOn = today.AddDays(1) }, new(true, territory), today, DateTimeOffset.UnixEpoch).Refusal?.Field);
        Assert.Equal("kind", RecordPermanenceSessionHandler.Decide(command, new(false, territory), today, DateTimeOffset.UnixEpoch).Refusal?.Field);
        var recorded = Assert.IsType<PermanenceSessionRecorded>(Assert.Single(RecordPermanenceSessionHandler.Decide(command, new(true, territory), today, DateTimeOffset.UnixEpoch).Events));
        Assert.Equal([new PeopleReceived(Sex.F, "18-25", 3)], recorded.Received);
        Assert.Equal(Structures.MaisonDesFemmes, recorded.StructureId);
    }
}
