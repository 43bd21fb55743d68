using Marten;
using Marten.Schema;

namespace Parcours.Indicators.Definitions;

/// <summary>
/// Writes the catalogue's definition versions on every start (and after each test reset) when
/// missing. A stored version is never overwritten: changing a rule means adding a version with
/// its own <see cref="IndicatorDefinitionVersion.ValidFrom"/>.
/// </summary>
public sealed class IndicatorDefinitionSeed : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var existing = (await session.Query<IndicatorDefinitionVersion>().Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        var missing = IndicatorCatalogue.Versions().Where(v => !existing.Contains(v.Id)).ToList();
        if (missing.Count == 0) return;
        session.Insert(missing.ToArray());
        await session.SaveChangesAsync(ct);
    }
}
