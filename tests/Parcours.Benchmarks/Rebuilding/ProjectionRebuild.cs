using System.Diagnostics;
using Parcours.Benchmarks.Reporting;

namespace Parcours.Benchmarks.Rebuilding;

/// <summary>
/// Goal 4: after the bulk load no projection exists, so every projection (the inline views and
/// the asynchronous indicator facts) is rebuilt by Marten's daemon, timed as a whole; the events
/// in the store divided by that time is compared with a raw keyset scan of the event table. The
/// async projections end at the high-water mark, so the application started later has nothing to
/// catch up.
/// </summary>
public static class ProjectionRebuild
{
    /// <summary>What the national store holds (counted with <c>count-events 500000</c>): the extrapolation's target.</summary>
    public const long NationalEvents = 12_717_918;

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var store = context.Store;
        var events = context.Territory.Events;
        var names = store.Options.Projections.All.Select(p => p.Name).Distinct().ToList();
        Harness.Log($"  rebuilding {names.Count} projections over {events:N0} events: {string.Join(", ", names)}");

        var total = Stopwatch.StartNew();
        var before = await DatabaseActivity.ReadAsync(context.Database, ct);
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            // All at once, as `projections rebuild` does: each waits on its own commits, not on the others'.
            await Task.WhenAll(names.Select(async name =>
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(120), ct);
                Harness.Log($"    {name}: {one.Elapsed.TotalSeconds:0.0} s");
            }));
        }
        total.Stop();
        var activity = await DatabaseActivity.ReadAsync(context.Database, ct) - before;
        var rebuildRate = events / total.Elapsed.TotalSeconds;
        Harness.Log($"  rebuild: {total.Elapsed.TotalSeconds:0.0} s, {rebuildRate:N0} events/s; {activity}");
        await ProgressCheck.AtHighWaterAsync(context, ct);

        var scans = new List<double>();
        for (var i = 0; i < context.Scale.Repetitions; i++) scans.Add(await RawScan.EventsPerSecondAsync(context.Database, ct));
        var scanRate = Median(scans);
        Harness.Log($"  raw paged scan: {scanRate:N0} events/s (median of {scans.Count})");

        context.Measures.Add(Measure.AtLeast("4", "Full rebuild of all projections (events/s)", context.Scale, rebuildRate, scanRate, "events/s", 0.25,
            $"{names.Count} projections rebuilt in {total.Elapsed.TotalSeconds:0.0} s over {events:N0} events; baseline: keyset scan of mt_events, {RawScan.PageSize}-row pages"));
        context.Measures.Add(Measure.Info("Full rebuild, extrapolated to the national store", context.Scale, NationalEvents / rebuildRate / 60, "min",
            $"{NationalEvents:N0} events at {rebuildRate:N0} events/s"));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
