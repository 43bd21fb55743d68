using JasperFx.Events;
using Marten;
using Parcours.Committees;
using Parcours.Demo;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Searching;
using Parcours.People.Vault;

namespace Parcours.Benchmarks.Loading;

/// <summary>One stream to append: its id, aggregate and events, kept as data so it can be appended more than once.</summary>
public sealed record GeneratedStream(Guid Id, Type Aggregate, IReadOnlyList<DemoEvent> Events)
{
    public StreamAction Start(DocumentStore store)
    {
        var action = StreamAction.Start(store.Events, Id, Events.Select(e => e.Data).ToArray());
        action.AggregateType = Aggregate;
        for (var i = 0; i < Events.Count; i++) action.Events[i].Timestamp = Events[i].At;
        return action;
    }
}

/// <summary>One city, generated and encrypted, ready to write: its streams and the people's documents.</summary>
public sealed record CityBatch(
    int City, int Pathways, IReadOnlyList<GeneratedStream> Streams, IReadOnlyList<PersonKey> Keys, IReadOnlyList<SealedIdentity> Identities,
    IReadOnlyList<PersonSearchEntry> Entries)
{
    public long Events => Streams.Sum(s => (long)s.Events.Count);
}

/// <summary>
/// The generated territory, a city (<see cref="CityPathways"/> pathways) at a time: the demo
/// territory's households (programmes, neighbourhoods, ages, durations, orientations and
/// outcomes), the city's committee sittings generated from its pathways
/// (<see cref="CommitteeSittings"/>), each person's data key, sealed identity and search entry.
/// Notes are encrypted here, so whoever writes a batch times the writing only. Lazy: one city in
/// memory at a time.
/// </summary>
public static class CityGenerator
{
    /// <summary>A city's pathways: a national store is many cities of the city scale's size.</summary>
    public const int CityPathways = 5_000;

    public static IEnumerable<CityBatch> Generate(BenchContext context, int pathways, int seed, DateTimeOffset now, IReadOnlySet<Guid> sealedStructures)
    {
        var vault = context.Vault;
        var keys = new Dictionary<Guid, PersonKey>();
        PersonKey KeyOf(Guid personId) => keys.TryGetValue(personId, out var key) ? key : keys[personId] = vault.NewKey(personId, now);
        EncryptedText Seal(Guid personId, string text) => vault.Encrypt(KeyOf(personId), text);

        var city = new List<DemoHousehold>();
        var cities = 0;
        var inCity = 0;
        foreach (var household in DemoTerritory.Generate(pathways, seed, now, Seal))
        {
            city.Add(household);
            inCity += household.Pathways.Count;
            if (inCity < CityPathways) continue;
            yield return Batch(context, cities++, seed, city, now, Seal, KeyOf, sealedStructures);
            keys.Clear();
            city.Clear();
            inCity = 0;
        }
        if (city.Count > 0) yield return Batch(context, cities, seed, city, now, Seal, KeyOf, sealedStructures);
    }

    private static CityBatch Batch(BenchContext context, int city, int seed, List<DemoHousehold> households, DateTimeOffset now, DemoSealer seal,
        Func<Guid, PersonKey> keyOf, IReadOnlySet<Guid> sealedStructures)
    {
        var vault = context.Vault;
        var pathways = households.SelectMany(h => h.Pathways).ToList();
        var committees = CommitteeSittings.Generate(city, seed, pathways, now, seal);

        var streams = new List<GeneratedStream>();
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
                streams.Add(new GeneratedStream(person.Id, typeof(Person), person.Events));
            }
            foreach (var pathway in household.Pathways)
            {
                streams.Add(new GeneratedStream(pathway.Id, typeof(Pathway), CommitteeSittings.WithDecisions(pathway, committees.PathwayEvents)));
            }
        }
        streams.AddRange(committees.Sittings.Select(s => new GeneratedStream(s.Id, typeof(Committee), s.Events)));
        return new CityBatch(city, pathways.Count, streams, keys, identities, entries);
    }
}
