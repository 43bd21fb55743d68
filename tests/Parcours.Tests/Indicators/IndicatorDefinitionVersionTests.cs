using Marten;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Publishing;
using Parcours.Tests.Support;

namespace Parcours.Tests.Indicators;

public sealed class IndicatorDefinitionVersionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private IndicatorPublications Publications => Host.Services.GetRequiredService<IndicatorPublications>();

    [Fact]
    public async Task The_catalogue_is_seeded_once_as_version_documents_and_seeding_again_creates_or_changes_nothing()
    {
        var before = await StoredAsync();
        await new IndicatorDefinitionSeed().Populate(Store, CancellationToken.None);
        await new IndicatorDefinitionSeed().Populate(Store, CancellationToken.None);

        Assert.Equal(IndicatorCatalogue.All.Count, before.Count);
        Assert.Equal(IndicatorCatalogue.All.Select(d => $"{d.Code}:v{d.Version}").Order(), before.Select(r => r.Id).Order());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_stored_version_reads_back_as_the_catalogue_definition()
    {
        await using var session = Store.QuerySession();
        var stored = await session.LoadAsync<IndicatorDefinitionVersion>("GPDS-ORIENTES:v1");
        var catalogue = IndicatorCatalogue.Get("GPDS-ORIENTES");

        Assert.Equal(IndicatorCatalogue.FirstVersionsValidFrom, stored!.ValidFrom);
        Assert.Equal((catalogue.Code, catalogue.Version, catalogue.Label, catalogue.Kind), (stored.Definition.Code, stored.Definition.Version, stored.Definition.Label, stored.Definition.Kind));
        Assert.Equal(catalogue.Filter.ReferralSources, stored.Definition.Filter.ReferralSources);
        Assert.Equal(catalogue.Filter.Destinations, stored.Definition.Filter.Destinations);
        Assert.Equal(catalogue.Dimensions, stored.Definition.Dimensions);
    }

    [Fact]
    public async Task A_new_version_applies_only_from_its_valid_from_instant_and_the_former_one_still_applies_before()
    {
        var now = Clock.GetUtcNow();
        var v1 = IndicatorCatalogue.Get("SUIVIS-PRE");
        var v2 = v1 with { Version = 2, Label = "Nombre d'enfants et de jeunes suivis par le PRE ou SAS Coluche", Filter = v1.Filter with { Programmes = ["PRE", "SAS"] } };
        await using (var session = Store.LightweightSession())
        {
            session.Insert(IndicatorDefinitionVersion.Of(v2, now.AddHours(1), order: 2));
            await session.SaveChangesAsync();
        }

        var live = await Publications.LiveAsync([now.Year], CancellationToken.None);
        Assert.Equal(1, live.Indicator("SUIVIS-PRE").Definition.Version);
        Assert.Equal(IndicatorCatalogue.All.Count, live.Indicators.Count);

        Clock.Shift = TimeSpan.FromHours(2);
        var later = await Publications.LiveAsync([now.Year], CancellationToken.None);
        Assert.Equal(v2.Label, later.Indicator("SUIVIS-PRE").Definition.Label);
        Assert.Equal(["PRE", "SAS"], later.Indicator("SUIVIS-PRE").Definition.Filter.Programmes);
        Assert.Equal(IndicatorCatalogue.All.Count, later.Indicators.Count);
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Code), later.Indicators.Select(i => i.Definition.Code));

        var asOfBefore = await Publications.AsOfAsync(now, [now.Year], CancellationToken.None);
        Assert.Equal(1, asOfBefore.Indicator("SUIVIS-PRE").Definition.Version);
    }

    [Fact]
    public void The_version_in_force_is_the_latest_valid_one_and_a_code_not_yet_valid_is_left_out()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var definition = IndicatorCatalogue.Get("SORTIES");
        IndicatorDefinitionVersion[] versions =
        [
            IndicatorDefinitionVersion.Of(definition, at.AddYears(-2), 0),
            IndicatorDefinitionVersion.Of(definition with { Version = 2 }, at, 0),
            IndicatorDefinitionVersion.Of(definition with { Version = 3 }, at.AddTicks(1), 0),
            IndicatorDefinitionVersion.Of(IndicatorCatalogue.Get("SUIVIS-PRE") with { Code = "NOUVEAU" }, at.AddDays(1), 1),
        ];

        Assert.Equal([2], DefinitionsInForce.At(versions, at).Select(d => d.Version));
        Assert.Equal([1], DefinitionsInForce.At(versions, at.AddTicks(-1)).Select(d => d.Version));
        Assert.Equal(["SORTIES", "NOUVEAU"], DefinitionsInForce.At(versions, at.AddDays(2)).Select(d => d.Code));
        Assert.Empty(DefinitionsInForce.At(versions, at.AddYears(-3)));
    }

    private async Task<List<(string Id, string Json)>> StoredAsync()
    {
        await using var session = Store.QuerySession();
        var rows = await session.QueryAsync<string>("select id || ' ' || data::text || ' ' || mt_version::text from parcours.mt_doc_indicatordefinitionversion order by id");
        return rows.Select(r => (r[..r.IndexOf(' ')], r)).ToList();
    }
}
