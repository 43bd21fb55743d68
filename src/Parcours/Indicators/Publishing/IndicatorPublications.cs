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
        var receptions = await session.Query<ReceptionFact>().ToListAsync(ct);
        return Publish(facts, years ?? DefaultYears(), asOf: null, sequence, receptions);
    }

    public Publication Publish(IReadOnlyList<IndicatorFact> facts, IReadOnlyList<int> years, DateTimeOffset? asOf, long sequence,
        IReadOnlyList<ReceptionFact>? receptions = null)
    {
        var ordered = years.Distinct().Order().ToList();
        return new Publication(time.GetUtcNow(), asOf, sequence, Rules.Threshold, BaselineYear, ordered,
            IndicatorPublisher.Publish(facts, IndicatorCatalogue.All, ordered, Rules, receptions));
    }

    /// <summary>The last event sequence the indicator facts projection has processed.</summary>
    private async Task<long> ProjectedSequenceAsync(CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return progress.FirstOrDefault(p => p.ShardName.StartsWith(nameof(IndicatorFactProjection), StringComparison.Ordinal))?.Sequence ?? 0;
    }
}
