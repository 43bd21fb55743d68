using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Parcours.Benchmarks.Reporting;
using Parcours.Demo;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Benchmarks.Loading;

/// <summary>What a scale's store holds.</summary>
public sealed record Territory(long Pathways, long People, long Events, long Committees, double LoadSeconds, bool Reused)
{
    public DataSummary Summary(Scale scale) => new(scale.Name, Pathways, People, Events, Committees, LoadSeconds, Reused);
}

/// <summary>
/// Fills a scale's store: the reference data, then the generated households (the demo
/// territory's generator: its programmes, neighbourhoods, ages, durations, orientations and
/// outcomes) written through Marten's bulk event append, a batch of households at a time, with
/// each person's data key and sealed identity. A kept store that already holds pathways is reused.
/// </summary>
public static class TerritoryLoader
{
    private const int BatchPathways = 5_000;

    public static async Task<Territory> LoadAsync(BenchContext context, CancellationToken ct)
    {
        var store = context.Store;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (await CountAsync(context, "mt_streams") > 0) return await CountedAsync(context, 0, reused: true, ct);

        await new ReferenceSeed().Populate(store, ct);
        var watch = Stopwatch.StartNew();
        var vault = context.Vault;
        var now = DateTimeOffset.UtcNow;
        var keys = new Dictionary<Guid, PersonKey>();
        PersonKey KeyOf(Guid personId) => keys.TryGetValue(personId, out var key) ? key : keys[personId] = vault.NewKey(personId, now);

        var streams = new List<StreamAction>();
        var documents = new List<object>();
        var inBatch = 0;
        foreach (var household in DemoTerritory.Generate(context.Scale.Pathways, context.Options.Seed, now, (personId, text) => vault.Encrypt(KeyOf(personId), text)))
        {
            foreach (var person in household.People)
            {
                var key = KeyOf(person.Id);
                keys.Remove(person.Id);
                key.CreatedAt = person.IdentifiedAt;
                documents.Add(key);
                documents.Add(vault.Seal(key, person.Identity, person.IdentifiedAt));
                streams.Add(Start<Person>(store, person.Id, person.Events));
            }
            foreach (var pathway in household.Pathways) streams.Add(Start<Pathway>(store, pathway.Id, pathway.Events));
            inBatch += household.Pathways.Count;
            if (inBatch < BatchPathways) continue;
            await WriteAsync(store, streams, documents, ct);
            inBatch = 0;
        }
        await WriteAsync(store, streams, documents, ct);
        return await CountedAsync(context, watch.Elapsed.TotalSeconds, reused: false, ct);
    }

    private static StreamAction Start<T>(DocumentStore store, Guid id, IReadOnlyList<DemoEvent> events)
    {
        var action = StreamAction.Start(store.Events, id, events.Select(e => e.Data).ToArray());
        action.AggregateType = typeof(T);
        for (var i = 0; i < events.Count; i++) action.Events[i].Timestamp = events[i].At;
        return action;
    }

    private static async Task WriteAsync(DocumentStore store, List<StreamAction> streams, List<object> documents, CancellationToken ct)
    {
        if (streams.Count > 0) await store.BulkInsertEventsAsync(streams, cancellation: ct);
        if (documents.Count > 0)
        {
            await store.BulkInsertAsync(documents.OfType<PersonKey>().ToList(), cancellation: ct);
            await store.BulkInsertAsync(documents.OfType<SealedIdentity>().ToList(), cancellation: ct);
        }
        streams.Clear();
        documents.Clear();
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
