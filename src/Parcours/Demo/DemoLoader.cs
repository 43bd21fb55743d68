using Marten;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Vault;

namespace Parcours.Demo;

/// <summary>What a load wrote.</summary>
public sealed record DemoLoadCounts(int Pathways, int People, int Events);

/// <summary>
/// Writes generated households through ordinary Marten sessions, a batch of about
/// <see cref="BatchSize"/> pathways per transaction, so inline projections (pathway files,
/// people) are built as for any append. Each event keeps the moment it happened: Marten 9's
/// default append mode (QuickWithServerTimestamps) stores an <c>IEvent.Timestamp</c> set before
/// saving instead of the clock. Each person gets their own data key; their identity and notes
/// are sealed with it before anything is stored.
/// </summary>
public sealed class DemoLoader(IDocumentStore store, PersonVault vault)
{
    public const int BatchSize = 200;

    public async Task<DemoLoadCounts> LoadAsync(int pathways, int seed, DateTimeOffset now, CancellationToken ct)
    {
        // Keys of the household being generated: its notes are sealed before the loader sees it.
        var keys = new Dictionary<Guid, PersonKey>();
        PersonKey KeyOf(Guid personId) =>
            keys.TryGetValue(personId, out var key) ? key : keys[personId] = vault.NewKey(personId, now);

        int pathwayCount = 0, peopleCount = 0, eventCount = 0, inBatch = 0;
        var session = store.LightweightSession();
        try
        {
            foreach (var household in DemoTerritory.Generate(pathways, seed, now, (personId, text) => vault.Encrypt(KeyOf(personId), text)))
            {
                foreach (var person in household.People)
                {
                    var key = KeyOf(person.Id);
                    keys.Remove(person.Id);
                    key.CreatedAt = person.IdentifiedAt;
                    session.Store(key);
                    session.Store(vault.Seal(key, person.Identity, person.IdentifiedAt));
                    StartStream<Person>(session, person.Id, person.Events);
                    eventCount += person.Events.Count;
                }
                foreach (var pathway in household.Pathways)
                {
                    StartStream<Pathway>(session, pathway.Id, pathway.Events);
                    eventCount += pathway.Events.Count;
                }
                peopleCount += household.People.Count;
                pathwayCount += household.Pathways.Count;
                inBatch += household.Pathways.Count;

                if (inBatch < BatchSize) continue;
                await session.SaveChangesAsync(ct);
                await session.DisposeAsync();
                session = store.LightweightSession();
                inBatch = 0;
            }
            await session.SaveChangesAsync(ct);
        }
        finally
        {
            await session.DisposeAsync();
        }
        return new DemoLoadCounts(pathwayCount, peopleCount, eventCount);
    }

    private static void StartStream<T>(IDocumentSession session, Guid id, IReadOnlyList<DemoEvent> events) where T : class
    {
        var action = session.Events.StartStream<T>(id, events.Select(e => e.Data).ToArray());
        for (var i = 0; i < events.Count; i++) action.Events[i].Timestamp = events[i].At;
    }
}
