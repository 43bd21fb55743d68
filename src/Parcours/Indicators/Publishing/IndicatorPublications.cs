using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Options;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Computes publications: live (the indicator facts as the async projection holds them) or as of
/// a past instant (the pathway events recorded up to then, replayed through the projection's own
/// <see cref="IndicatorFactProjection.EvolveAsync"/>). Either way the definitions are the stored
/// versions in force at the instant computed for, and every output shows parts of one publication.
/// </summary>
public sealed class IndicatorPublications(IDocumentStore store, Pseudonyms pseudonyms, IOptions<IndicatorOptions> options, TimeProvider time)
{
    /// <summary>A live read is retried while the daemon moves between reading its progress and the facts.</summary>
    private const int ConsistentReadAttempts = 20;

    /// <summary>Events replayed per query, in sequence order.</summary>
    private const int ReplayPage = 5_000;

    public DisclosureRules Rules => new(options.Value.Threshold);

    public int BaselineYear => options.Value.BaselineYear;

    /// <summary>The years published by default: from the baseline to the current one.</summary>
    public IReadOnlyList<int> DefaultYears()
    {
        var current = time.GetLocalNow().Year;
        return Enumerable.Range(BaselineYear, Math.Max(1, current - BaselineYear + 1)).ToList();
    }

    /// <summary>Now, from the projected facts, with the definitions in force now.</summary>
    public async Task<Publication> LiveAsync(IReadOnlyList<int>? years, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var definitions = await DefinitionsAtAsync(now, ct);
        var wanted = (years ?? DefaultYears()).Distinct().Order().ToList();
        if (_latest is { } latest && latest.Stamp == await StampAsync(await ProjectedSequenceAsync(ct), ct) && Same(latest.Publication, wanted, definitions))
            return latest.Publication;

        var (facts, sequence) = await ProjectedFactsAsync(ct);
        var (receptions, _) = await ReceptionsAsync(sequence, asOf: null, ct);
        var publication = Compose(now, facts, receptions, definitions, wanted, asOf: null, sequence, Rules.Threshold, BaselineYear);
        if (await StampAsync(sequence, ct) is { } stamp) _latest = new LatestPublication(stamp, publication);
        return publication;
    }

    /// <summary>
    /// The last live publication: computing one takes a second or two (disclosure control), and
    /// pages and exports ask for it again and again while nothing has changed. It is reused while
    /// the facts are at the same event — same sequence and same event id, since a sequence alone
    /// starts again after a reset of the store — and the years, rules and definitions are the same.
    /// </summary>
    private volatile LatestPublication? _latest;

    private sealed record LatestPublication(string Stamp, Publication Publication);

    private async Task<string?> StampAsync(long sequence, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var id = await session.Events.QueryAllRawEvents().Where(e => e.Sequence == sequence).Select(e => e.Id).FirstOrDefaultAsync(ct);
        return id == Guid.Empty ? null : $"{sequence}|{id}";
    }

    private bool Same(Publication publication, IReadOnlyList<int> years, IReadOnlyList<IndicatorDefinition> definitions) =>
        publication.Years.SequenceEqual(years)
        && publication.Threshold == Rules.Threshold
        && publication.BaselineYear == BaselineYear
        && publication.Indicators.Select(i => (i.Definition.Code, i.Definition.Version)).SequenceEqual(definitions.Select(d => (d.Code, d.Version)));

    /// <summary>
    /// What a publication computed at <paramref name="asOf"/> showed: the events recorded up to that
    /// instant, the definitions in force then. Reference data (territory kinds) is today's.
    /// </summary>
    public async Task<Publication> AsOfAsync(DateTimeOffset asOf, IReadOnlyList<int>? years, CancellationToken ct)
    {
        var (facts, last) = await ReplayAsync(long.MaxValue, asOf, ct);
        var (receptions, lastReception) = await ReceptionsAsync(long.MaxValue, asOf, ct);
        return Compose(time.GetUtcNow(), facts, receptions, await DefinitionsAtAsync(asOf, ct), years ?? DefaultYears(), asOf, Math.Max(last, lastReception),
            Rules.Threshold, BaselineYear);
    }

    /// <summary>
    /// Recomputes a publication from the event store: the events up to <paramref name="sequence"/>
    /// (and recorded up to <paramref name="asOf"/> for an as-of one), the definitions in force at
    /// <paramref name="rulesAt"/>, the threshold and baseline it was computed with.
    /// </summary>
    public async Task<Publication> ReproduceAsync(long sequence, IReadOnlyList<int> years, DateTimeOffset rulesAt, DateTimeOffset? asOf,
        int threshold, int baselineYear, CancellationToken ct)
    {
        var (facts, _) = await ReplayAsync(sequence, asOf, ct);
        var (receptions, _) = await ReceptionsAsync(sequence, asOf, ct);
        return Compose(time.GetUtcNow(), facts, receptions, await DefinitionsAtAsync(rulesAt, ct), years, asOf, sequence, threshold, baselineYear);
    }

    /// <summary>The stored definition versions in force at an instant.</summary>
    public async Task<IReadOnlyList<IndicatorDefinition>> DefinitionsAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return DefinitionsInForce.At(await session.Query<IndicatorDefinitionVersion>().ToListAsync(ct), at);
    }

    /// <summary>Publishes facts with the catalogue's current definitions (for pure computations).</summary>
    public Publication Publish(IReadOnlyList<IndicatorFact> facts, IReadOnlyList<int> years, DateTimeOffset? asOf, long sequence,
        IReadOnlyList<ReceptionFact>? receptions = null) =>
        Compose(time.GetUtcNow(), facts, receptions ?? [], IndicatorCatalogue.All, years, asOf, sequence, Rules.Threshold, BaselineYear);

    private static Publication Compose(DateTimeOffset computedAt, IReadOnlyList<IndicatorFact> facts, IReadOnlyList<ReceptionFact> receptions,
        IReadOnlyList<IndicatorDefinition> definitions, IReadOnlyList<int> years, DateTimeOffset? asOf, long sequence, int threshold, int baselineYear)
    {
        var ordered = years.Distinct().Order().ToList();
        return new Publication(computedAt, asOf, sequence, threshold, baselineYear, ordered,
            IndicatorPublisher.Publish(facts, definitions, ordered, new DisclosureRules(threshold), receptions));
    }

    /// <summary>
    /// The facts with the last sequence the projection had processed when they were read: the
    /// daemon writes facts and progress in one transaction, so equal progress before and after the
    /// read means the facts are exactly those of that sequence.
    /// </summary>
    private async Task<(IReadOnlyList<IndicatorFact> Facts, long Sequence)> ProjectedFactsAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = await ProjectedSequenceAsync(ct);
            await using var session = store.QuerySession();
            var facts = await IndicatorFactReader.ReadAsync(session, store.Options.DatabaseSchemaName, ct);
            if (await ProjectedSequenceAsync(ct) == before || attempt == ConsistentReadAttempts) return (facts, before);
        }
    }

    /// <summary>
    /// The last event sequence the indicator facts projection has processed. Marten names an
    /// aggregation's shard after its document: "IndicatorFact:All".
    /// </summary>
    private async Task<long> ProjectedSequenceAsync(CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return progress.FirstOrDefault(p => p.ShardName.StartsWith($"{nameof(IndicatorFact)}:", StringComparison.Ordinal))?.Sequence ?? 0;
    }

    /// <summary>
    /// Replays the events the projection handles, in sequence order, up to a sequence and a
    /// recording instant, through the projection's own rules. Returns the facts and the last
    /// sequence included (0 when none).
    /// </summary>
    private async Task<(IReadOnlyList<IndicatorFact> Facts, long Last)> ReplayAsync(long sequence, DateTimeOffset? asOf, CancellationToken ct)
    {
        var projection = new IndicatorFactProjection(pseudonyms);
        var facts = new Dictionary<string, IndicatorFact>();
        long last = 0;
        // An identity map: the projection looks up the same few territories and structures again and again.
        await using var session = store.IdentitySession();
        while (true)
        {
            var query = session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > last && e.Sequence <= sequence && e.EventTypesAre(IndicatorFactProjection.EventTypes));
            if (asOf is { } until) query = query.Where(e => e.Timestamp <= until);
            var page = await query.OrderBy(e => e.Sequence)
                .Take(ReplayPage)
                .ToListAsync(ct);
            foreach (var e in page)
            {
                var id = projection.FactId(e);
                var evolved = await projection.EvolveAsync(facts.GetValueOrDefault(id), id, session, e, ct);
                if (evolved is null) facts.Remove(id);
                else facts[id] = evolved;
            }
            if (page.Count < ReplayPage) return (facts.Values.ToList(), page.Count > 0 ? page[^1].Sequence : last);
            last = page[^1].Sequence;
        }
    }

    /// <summary>
    /// The permanence sessions up to a sequence (and a recording instant), folded through
    /// <see cref="ReceptionFactProjection"/>'s own rule. Read from the events rather than from the
    /// projected documents, so a live publication, its as-of twin and its reproduction include
    /// exactly the sessions of the same event sequence. Returns the last sequence included.
    /// </summary>
    private async Task<(IReadOnlyList<ReceptionFact> Receptions, long Last)> ReceptionsAsync(long sequence, DateTimeOffset? asOf, CancellationToken ct)
    {
        var projection = new ReceptionFactProjection();
        await using var session = store.IdentitySession();
        var query = session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence <= sequence && e.EventTypesAre(ReceptionFactProjection.EventTypes));
        if (asOf is { } until) query = query.Where(e => e.Timestamp <= until);
        var events = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        var receptions = new Dictionary<Guid, ReceptionFact>();
        foreach (var e in events)
        {
            var id = ReceptionFactProjection.SessionOf(e);
            if (await projection.EvolveAsync(receptions.GetValueOrDefault(id), id, session, e, ct) is { } evolved) receptions[id] = evolved;
            else receptions.Remove(id);
        }
        return (receptions.Values.ToList(), events.Count > 0 ? events[^1].Sequence : 0);
    }
}
