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
/// Fills a scale's store: the reference data, then the generated households (the demo
/// territory's generator: its programmes, neighbourhoods, ages, durations, orientations and
/// outcomes) a city at a time (<see cref="CityPathways"/> pathways), with the city's committee
/// sittings generated from its pathways (<see cref="CommitteeSittings"/>), all written through
/// Marten's bulk event append, with each person's data key, sealed identity and search entry (so
/// the application finds nothing to backfill when it starts). A kept store that already holds
/// pathways is reused.
/// </summary>
public static class TerritoryLoader
{
    /// <summary>A city's pathways: a national store is many cities of the city scale's size.</summary>
    public const int CityPathways = 5_000;

    public static async Task<Territory> LoadAsync(BenchContext context, CancellationToken ct)
    {
        var store = context.Store;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (await CountAsync(context, "mt_streams") > 0) return await CountedAsync(context, 0, reused: true, ct);

        await new ReferenceSeed().Populate(store, ct);
        var sealedStructures = await SealedStructuresAsync(store, ct);
        var watch = Stopwatch.StartNew();
        var vault = context.Vault;
        var now = DateTimeOffset.UtcNow;
        var keys = new Dictionary<Guid, PersonKey>();
        PersonKey KeyOf(Guid personId) => keys.TryGetValue(personId, out var key) ? key : keys[personId] = vault.NewKey(personId, now);
        EncryptedText Seal(Guid personId, string text) => vault.Encrypt(KeyOf(personId), text);

        var city = new List<DemoHousehold>();
        var cities = 0;
        var inCity = 0;
        foreach (var household in DemoTerritory.Generate(context.Scale.Pathways, context.Options.Seed, now, Seal))
        {
            city.Add(household);
            inCity += household.Pathways.Count;
            if (inCity < CityPathways) continue;
            await WriteCityAsync(context, cities++, city, now, Seal, KeyOf, sealedStructures, ct);
            keys.Clear();
            city.Clear();
            inCity = 0;
            if (cities % 10 == 0) Harness.Log($"  loaded {cities * CityPathways:N0} pathways ({watch.Elapsed.TotalSeconds:0}s)");
        }
        if (city.Count > 0) await WriteCityAsync(context, cities, city, now, Seal, KeyOf, sealedStructures, ct);

        // The bulk append leaves the planner's statistics at "empty tables" until autovacuum comes by:
        // the daemon's paged reads then hash-join the whole remaining range for every page (24M rows read
        // to rebuild a 128k-event city). A bulk import ends with ANALYZE, as any import should.
        await context.Database.ExecuteAsync("analyze", ct);
        return await CountedAsync(context, watch.Elapsed.TotalSeconds, reused: false, ct);
    }

    /// <summary>Writes one city: people, pathways (with the decisions cascaded from the sittings), sittings, then their documents.</summary>
    private static async Task WriteCityAsync(BenchContext context, int city, List<DemoHousehold> households, DateTimeOffset now, DemoSealer seal,
        Func<Guid, PersonKey> keyOf, IReadOnlySet<Guid> sealedStructures, CancellationToken ct)
    {
        var store = context.Store;
        var vault = context.Vault;
        var pathways = households.SelectMany(h => h.Pathways).ToList();
        var committees = CommitteeSittings.Generate(city, context.Options.Seed, pathways, now, seal);

        var streams = new List<StreamAction>();
        var keys = new List<PersonKey>();
        var identities = new List<SealedIdentity>();
        var entries = new List<PersonSearchEntry>();
        foreach (var household in households)
        {
            foreach (var person in household.People)
            {
                var key = keyOf(person.Id);
                key.CreatedAt = person.IdentifiedAt;
                keys.Add(key);
                identities.Add(vault.Seal(key, person.Identity, person.IdentifiedAt));
                var territories = household.Pathways.Where(p => p.PersonId == person.Id)
                    .Select(p => p.Events[0].Data).OfType<PathwayReferred>().Select(r => r.TerritoryCode);
                var identifiedIn = person.Events.Select(e => e.Data).OfType<PersonIdentified>().FirstOrDefault()?.StructureId;
                var sealedIn = identifiedIn is { } structure && sealedStructures.Contains(structure) ? identifiedIn : null;
                entries.Add(context.SearchIndex.Entry(person.Id, person.Identity, territories, sealedIn, person.IdentifiedAt));
                streams.Add(Start<Person>(store, person.Id, person.Events));
            }
            foreach (var pathway in household.Pathways)
            {
                streams.Add(Start<Pathway>(store, pathway.Id, CommitteeSittings.WithDecisions(pathway, committees.PathwayEvents)));
            }
        }
        foreach (var sitting in committees.Sittings) streams.Add(Start<Committee>(store, sitting.Id, sitting.Events));

        await store.BulkInsertEventsAsync(streams, cancellation: ct);
        await store.BulkInsertAsync(keys, cancellation: ct);
        await store.BulkInsertAsync(identities, cancellation: ct);
        await store.BulkInsertAsync(entries, cancellation: ct);
    }

    /// <summary>The structures that run a sealed programme (the Maison des Femmes): their people's search entries stay in them.</summary>
    private static async Task<IReadOnlySet<Guid>> SealedStructuresAsync(DocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var structures = await session.Query<Structure>().ToListAsync(ct);
        return structures.Where(s => s.Programmes.Any(PathwayAccess.IsSealed)).Select(s => s.Id).ToHashSet();
    }

    internal static StreamAction Start<T>(DocumentStore store, Guid id, IReadOnlyList<DemoEvent> events)
    {
        var action = StreamAction.Start(store.Events, id, events.Select(e => e.Data).ToArray());
        action.AggregateType = typeof(T);
        for (var i = 0; i < events.Count; i++) action.Events[i].Timestamp = events[i].At;
        return action;
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
