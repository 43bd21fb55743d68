using Marten;
using Parcours.Identity;
using Parcours.Indicators.Publishing;

namespace Parcours.Indicators.Reproducing;

/// <summary>
/// One publication handed out (an export, a report, an API read): who, when, for what, and
/// enough to recompute it from the event store — the event sequence, the as-of instant, the
/// instant whose definitions applied, the threshold — with the SHA-256 of its canonical JSON.
/// </summary>
public sealed class PublicationRecord
{
    public Guid Id { get; set; }
    /// <summary>When it was handed out.</summary>
    public DateTimeOffset At { get; set; }
    public Guid By { get; set; }
    public string ByName { get; set; } = "";
    /// <summary>The output: "api", "csv", "xlsx", "json", "rapport"...</summary>
    public string Format { get; set; } = "";
    /// <summary>The neighbourhood the output was about, when it was about one.</summary>
    public string? Neighbourhood { get; set; }
    public List<int> Years { get; set; } = [];
    public DateTimeOffset ComputedAt { get; set; }
    public DateTimeOffset? AsOf { get; set; }
    public long EventSequence { get; set; }
    public int Threshold { get; set; }
    public int BaselineYear { get; set; }
    public string Sha256 { get; set; } = "";

    /// <summary>The definitions that applied: those in force at the as-of instant, else when it was computed.</summary>
    public DateTimeOffset RulesAt => AsOf ?? ComputedAt;
}

/// <summary>The answer to "does the event store still give this publication?".</summary>
public sealed record Reproduction(Guid Id, string RecordedSha256, string ReproducedSha256, bool Matches, long EventSequence, DateTimeOffset? AsOf);

/// <summary>
/// The log of publications handed out, and their reproduction. Outputs call
/// <see cref="RecordAsync"/> with the publication they show.
/// </summary>
public sealed class PublicationLog(IDocumentStore store, IndicatorPublications publications, TimeProvider time)
{
    public const int Limit = 200;

    public async Task<PublicationRecord> RecordAsync(Publication publication, CurrentWorker worker, string format, string? neighbourhood, CancellationToken ct)
    {
        var record = new PublicationRecord
        {
            Id = Guid.CreateVersion7(),
            At = time.GetUtcNow(),
            By = worker.Id,
            ByName = worker.DisplayName,
            Format = format,
            Neighbourhood = neighbourhood,
            Years = publication.Years.ToList(),
            ComputedAt = publication.ComputedAt,
            AsOf = publication.AsOf,
            EventSequence = publication.EventSequence,
            Threshold = publication.Threshold,
            BaselineYear = publication.BaselineYear,
            Sha256 = PublicationFingerprint.Sha256(publication),
        };
        await using var session = store.LightweightSession();
        session.Insert(record);
        await session.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The latest records, newest first.</summary>
    public async Task<IReadOnlyList<PublicationRecord>> ListAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<PublicationRecord>().OrderByDescending(r => r.At).Take(Limit).ToListAsync(ct);
    }

    /// <summary>Recomputes a recorded publication and compares fingerprints; null when no such record exists.</summary>
    public async Task<Reproduction?> ReproduceAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } record) return null;
        var hash = PublicationFingerprint.Sha256(await RecomputeAsync(record, ct));
        return new Reproduction(record.Id, record.Sha256, hash, hash == record.Sha256, record.EventSequence, record.AsOf);
    }

    /// <summary>A recorded publication recomputed from the event store; null when no such record exists.</summary>
    public async Task<Publication?> RecomputeAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } record ? await RecomputeAsync(record, ct) : null;

    public Task<Publication> RecomputeAsync(PublicationRecord record, CancellationToken ct) =>
        publications.ReproduceAsync(record.EventSequence, record.Years, record.RulesAt, record.AsOf, record.Threshold, record.BaselineYear, ct);

    private async Task<PublicationRecord?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<PublicationRecord>(id, ct);
    }
}
