using Marten;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;

namespace Parcours.People.Searching;

/// <summary>
/// At start-up, writes the search entry of every person who has an identity but no entry (people
/// sealed before the index existed, the demo's households). Erased people have no identity and
/// merged people are skipped, so neither comes back.
/// </summary>
public sealed class IndexBackfill(IDocumentStore store, PersonVault vault, PersonSearchIndex index, ILogger<IndexBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var indexed = (await session.Query<PersonSearchEntry>().Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var missing = (await session.Query<SealedIdentity>().Select(s => s.Id).ToListAsync(ct)).Where(id => !indexed.Contains(id)).ToList();
        if (missing.Count == 0) return;

        foreach (var batch in missing.Chunk(200))
        {
            var identities = await vault.OpenManyAsync(session, batch, ct);
            var people = (await session.LoadManyAsync<Person>(ct, batch)).ToDictionary(p => p.Id);
            var files = await session.Query<PathwayFile>().Where(f => batch.Contains(f.PersonId)).ToListAsync(ct);
            foreach (var (id, identity) in identities)
            {
                if (!people.TryGetValue(id, out var person) || person.MergedInto is not null) continue;
                var sealedIn = await PersonSearchIndex.SealedScopeAsync(session, person.StructureId, ct);
                session.Store(index.Entry(id, identity, files.Where(f => f.PersonId == id).Select(f => f.TerritoryCode), sealedIn, person.IdentifiedAt));
            }
            await session.SaveChangesAsync(ct);
        }
        logger.LogInformation("Search index backfilled for {Count} person(s).", missing.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
