using Parcours.Benchmarks.Http;

namespace Parcours.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Parcours.Benchmarks -- [--scale smoke|city|national|all] [--out docs/benchmarks.md]</c>.
/// The harness also starts itself as the hand-written baseline server: <c>serve-baseline &lt;connection string&gt; &lt;url&gt;</c>.
/// (A named class, not top-level statements: the test project sees both this and Parcours' <c>Program</c>.)
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve-baseline", var connectionString, var url])
        {
            await BaselineServer.RunAsync(connectionString, url);
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
