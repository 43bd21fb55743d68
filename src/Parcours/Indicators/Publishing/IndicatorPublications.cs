using Marten;
using Microsoft.Extensions.Options;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Computes the live publication: the indicator facts as the async projection holds them, every
/// indicator of the catalogue, every year from the baseline to the current one.
/// </summary>
public sealed class IndicatorPublications(IDocumentStore store, IOptions<IndicatorOptions> options, TimeProvider time)
{
    public DisclosureRules Rules => new(options.Value.Threshold);

    public int BaselineYear => options.Value.BaselineYear;

    /// <summary>The years published by default: from the baseline to the current one.</summary>
    public IReadOnlyList<int> DefaultYears()
    {
        var current = time.GetLocalNow().Year;
        return Enumerable.Range(BaselineYear, Math.Max(1, current - BaselineYear + 1)).ToList();
    }

    public async Task<Publication> LiveAsync(IReadOnlyList<int>? years, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var sequence = await ProjectedSequenceAsync(ct);
        var facts = await session.Query<IndicatorFact>().ToListAsync(ct);
        return Publish(facts, years ?? DefaultYears(), asOf: null, sequence);
    }

    public Publication Publish(IReadOnlyList<IndicatorFact> facts, IReadOnlyList<int> years, DateTimeOffset? asOf, long sequence)
    {
        var ordered = years.Distinct().Order().ToList();
        return new Publication(time.GetUtcNow(), asOf, sequence, Rules.Threshold, BaselineYear, ordered,
            IndicatorPublisher.Publish(facts, IndicatorCatalogue.All, ordered, Rules));
    }

    /// <summary>The last event sequence the indicator facts projection has processed.</summary>
    private async Task<long> ProjectedSequenceAsync(CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        // The projection's shards are named after the document it builds ("IndicatorFact:All").
        return progress.FirstOrDefault(p => p.ShardName.StartsWith($"{nameof(IndicatorFact)}:", StringComparison.Ordinal))?.Sequence ?? 0;
    }
}
