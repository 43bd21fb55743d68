using Parcours.Benchmarks;
using Parcours.Benchmarks.Http;

// dotnet run -c Release --project tests/Parcours.Benchmarks -- [--scale smoke|city|national|all] [--out docs/benchmarks.md]
// The harness also starts itself as the hand-written baseline server: serve-baseline <connection string> <url>.
if (args is ["serve-baseline", var connectionString, var url])
{
    await BaselineServer.RunAsync(connectionString, url);
    return 0;
}

// count-events <pathways> [seed]: what the loader would write, counted without a database.
if (args is ["count-events", var count, .. var rest] && int.TryParse(count, out var pathways))
{
    return Parcours.Benchmarks.Loading.EventCount.Run(pathways, rest is [var s] ? int.Parse(s) : 2030);
}

if (BenchOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
return await Harness.RunAsync(options, CancellationToken.None);
