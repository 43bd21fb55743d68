using Parcours.Benchmarks.Http;
using Parcours.Benchmarks.Loading;
using Parcours.Benchmarks.Reporting;

namespace Parcours.Benchmarks;

/// <summary>
/// The harness' entry point. A named class rather than top-level statements: the test project
/// references both Parcours and the harness, and two global <c>Program</c> types would collide
/// (<c>WebApplicationFactory&lt;Program&gt;</c> must mean Parcours').
/// </summary>
public static class BenchmarkProgram
{
    // dotnet run -c Release --project tests/Parcours.Benchmarks -- [--scale smoke|city|national|all] [--out docs/benchmarks.md]
    public static async Task<int> Main(string[] args)
    {
        // The harness also starts itself as the hand-written baseline server: serve-baseline <connection string> <url>.
        if (args is ["serve-baseline", var connectionString, var url])
        {
            await BaselineServer.RunAsync(connectionString, url);
            return 0;
        }

        // count-events <pathways> [seed]: what the loader would write, counted without a database.
        if (args is ["count-events", var count, .. var rest] && int.TryParse(count, out var pathways))
        {
            return EventCount.Run(pathways, rest is [var s] ? int.Parse(s) : 2030);
        }

        // report <benchmarks.json>: writes the Markdown beside it again from the measured figures, with
        // the current Findings.md (the findings are written once the figures are known).
        if (args is ["report", var json])
        {
            await Report.RewriteAsync(Path.GetFullPath(json), CancellationToken.None);
            return 0;
        }

        if (BenchOptions.Parse(args) is not { } options)
        {
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
        return await Harness.RunAsync(options, CancellationToken.None);
    }
}
