using Parcours.Benchmarks.Http;
using Parcours.Benchmarks.Indicators;
using Parcours.Benchmarks.Loading;
using Parcours.Benchmarks.Rebuilding;
using Parcours.Benchmarks.Reporting;

namespace Parcours.Benchmarks;

/// <summary>
/// Runs every measure at each scale asked for, each on its own cluster, then writes the report.
/// </summary>
public static class Harness
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var measures = new List<Measure>();
        var data = new List<DataSummary>();
        string? version = null;
        var latencies = new LatencyHistory();
        foreach (var scale in options.Scales)
        {
            Log($"— {scale.Name}: {scale.Pathways:N0} pathways");
            await using var database = await BenchDatabase.StartAsync(Path.Combine(options.Folder, scale.Name), options.Keep && scale != Scale.Smoke, ct);
            version ??= await database.VersionAsync(ct);
            await using var context = BenchContext.Create(options, scale, database);
            context.Territory = await TerritoryLoader.LoadAsync(context, ct);
            Log($"  store: {context.Territory}");
            data.Add(context.Territory.Summary(scale));
            if (!context.Territory.Reused || options.Rebuild) await ProjectionRebuild.RunAsync(context, ct);
            await HttpMeasures.RunAsync(context, latencies, ct);
            await IndicatorExportMeasure.RunAsync(context, ct);
            await BulkImport.RunAsync(context, ct);
            measures.AddRange(context.Measures);
        }

        var command = "dotnet run -c Release --project tests/Parcours.Benchmarks -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var report = new Report(MachineInfo.Read("PostgreSQL " + version), command.TrimEnd(), BenchDatabase.ServerSettings, data, measures);
        await report.WriteAsync(options.Output, ct);
        Log($"Report written to {options.Output}");
        return 0;
    }

    public static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
