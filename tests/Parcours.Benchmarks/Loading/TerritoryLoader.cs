using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Parcours.Benchmarks.Reporting;
using Parcours.Committees;
using Parcours.Demo;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Searching;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Benchmarks.Loading;

/// <summary>What a scale's store holds.</summary>
public sealed record Territory(long Pathways, long People, long Events, long Committees, double LoadSeconds, bool Reused)
{
    public DataSummary Summary(Scale scale) => new(scale.Name, Pathways, People, Events, Committees, LoadSeconds, Reused);
}

/// <summary>
/// Fills a scale's store: the reference data, then the generated territory a city at a time
/// (<see cref="CityGenerator"/>), written through Marten's bulk event append with each person's
/// data key, sealed identity and search entry (so the application finds nothing to backfill when
/// it starts), then ANALYZE. A kept store that already holds pathways is reused.
/// </summary>
public static class TerritoryLoader
{
    public static async Task<Territory> LoadAsync(BenchContext context, CancellationToken ct)
    {
        var store = context.Store;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (await CountAsync(context, "mt_streams") > 0) return await CountedAsync(context, 0, reused: true, ct);

        await new ReferenceSeed().Populate(store, ct);
        var sealedStructures = await SealedStructuresAsync(store, ct);
        var watch = Stopwatch.StartNew();
        var written = 0;
        foreach (var city in CityGenerator.Generate(context, context.Scale.Pathways, context.Options.Seed, DateTimeOffset.UtcNow, sealedStructures))
        {
            await store.BulkInsertEventsAsync(city.Streams.Select(s => s.Start(store)).ToList(), cancellation: ct);
            await store.BulkInsertAsync(city.Keys.ToList(), cancellation: ct);
            await store.BulkInsertAsync(city.Identities.ToList(), cancellation: ct);
            await store.BulkInsertAsync(city.Entries.ToList(), cancellation: ct);
            written += city.Pathways;
            if (city.City % 10 == 9) Harness.Log($"  loaded {written:N0} pathways ({watch.Elapsed.TotalSeconds:0} s)");
        }

        // The bulk append leaves the planner's statistics at "empty tables" until autovacuum comes by:
        // the daemon's paged reads then hash-join the whole remaining range for every page (24M rows read
        // to rebuild a 128k-event city). A bulk import ends with ANALYZE, as any import should.
        await context.Database.ExecuteAsync("analyze", ct);
        return await CountedAsync(context, watch.Elapsed.TotalSeconds, reused: false, ct);
    }

    /// <summary>The structures that run a sealed programme (the Maison des Femmes): their people's search entries stay in them.</summary>
    public static async Task<IReadOnlySet<Guid>> SealedStructuresAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var structures = await session.Query<Structure>().ToListAsync(ct);
        return structures.Where(s => s.Programmes.Any(PathwayAccess.IsSealed)).Select(s => s.Id).ToHashSet();
    }

    private static async Task<Territory> CountedAsync(BenchContext context, double seconds, bool reused, CancellationToken ct) => new(
        await CountAsync(context, "mt_streams where type = 'pathway'"),
        await CountAsync(context, "mt_streams where type = 'person'"),
        await CountAsync(context, "mt_events"),
        await CountAsync(context, "mt_streams where type = 'committee'"),
        seconds,
        reused);

    private static async Task<long> CountAsync(BenchContext context, string from) =>
        Convert.ToInt64(await context.Database.ScalarAsync($"select count(*) from parcours.{from}", CancellationToken.None));
}
