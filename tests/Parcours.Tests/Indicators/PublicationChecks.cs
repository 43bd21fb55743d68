using System.Text.Json;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;

namespace Parcours.Tests.Indicators;

/// <summary>What the as-of, rebuild and erasure tests compare and check.</summary>
public static class PublicationChecks
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The tables and definitions of a publication, without when or from which sequence it was computed.</summary>
    public static string Tables(Publication publication) =>
        PublicationFingerprint.CanonicalJson(publication with { AsOf = null, EventSequence = 0 });

    /// <summary>Every figure a publication shows: cells, margins, grand totals, measure populations.</summary>
    public static IEnumerable<PublishedValue> Values(Publication publication) =>
        publication.Indicators.SelectMany(i => i.Years).SelectMany(y =>
            y.Breakdowns.SelectMany(b => b.Table.Cells.SelectMany(row => row).Concat(b.Table.RowTotals).Concat(b.Table.ColumnTotals).Append(b.Table.GrandTotal))
                .Concat(y.Measures.Select(m => m.Population)));

    public static void NoSmallCount(Publication publication)
    {
        var values = Values(publication).ToList();
        Assert.DoesNotContain(values, v => v.Value is >= 1 and <= 10);
        Assert.All(values.Where(v => v.IsSuppressed), v => Assert.Null(v.Value));
    }

    /// <summary>The stored JSON of every fact, normalised, in id order.</summary>
    public static async Task<List<string>> RawFactsAsync(IDocumentStore store)
    {
        await store.WaitForNonStaleProjectionDataAsync(Patience);
        await using var session = store.QuerySession();
        var rows = await session.QueryAsync<string>("select data::text from parcours.mt_doc_indicatorfact order by id");
        return rows.Select(json => JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(json))).ToList();
    }

    public static async Task RebuildAsync(IServiceProvider services) =>
        await services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase()
            .RebuildProjectionAsync<IndicatorFactProjection>(Patience, CancellationToken.None);
}
