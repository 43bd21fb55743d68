using System.Diagnostics;
using System.Net;

namespace Parcours.Benchmarks.Http;

/// <summary>What one load measured: requests per second over the fixed duration and the latency percentiles.</summary>
/// <param name="ServerCpuMilliseconds">CPU time of the server process per request, over the measured phase.</param>
/// <param name="DatabaseCpuMilliseconds">CPU time of the PostgreSQL cluster per request, over the measured phase.</param>
public sealed record LoadResult(string Name, long Requests, double Seconds, double P50Milliseconds, double P99Milliseconds,
    double ServerCpuMilliseconds, double DatabaseCpuMilliseconds)
{
    public double RequestsPerSecond => Requests / Seconds;

    public override string ToString() =>
        $"{Name}: {RequestsPerSecond:N0} req/s, p50 {P50Milliseconds:0.0} ms, p99 {P99Milliseconds:0.0} ms ({Requests:N0} requests; " +
        $"CPU per request: server {ServerCpuMilliseconds:0.00} ms, PostgreSQL {DatabaseCpuMilliseconds:0.00} ms)";
}

/// <summary>
/// A bounded HTTP load generator on loopback: <see cref="Clients"/> concurrent clients sharing one
/// connection pool, each sending its next request as soon as the previous one is answered; a
/// warm-up, then a fixed duration in which every latency is recorded. Any answer other than 2xx
/// makes the run invalid: it is counted, and the load fails loudly with the first such answer.
/// </summary>
public static class LoadClient
{
    public const int Clients = 16;

    /// <summary>Builds the <paramref name="sequence"/>-th request of client <paramref name="client"/> (a fresh message each time).</summary>
    public delegate HttpRequestMessage NextRequest(int client, long sequence);

    /// <summary>The client the loads share: one handler, enough connections for every client, no proxy, no redirects.</summary>
    public static HttpClient CreateHttpClient(Uri baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <param name="cpu">Reads the CPU seconds spent so far by the server and by the database.</param>
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, NextRequest next, Scale scale, Func<(double Server, double Database)> cpu, CancellationToken ct)
    {
        await PhaseAsync(http, next, TimeSpan.FromSeconds(scale.WarmupSeconds), record: false, ct);
        var before = cpu();
        var (latencies, seconds) = await PhaseAsync(http, next, TimeSpan.FromSeconds(scale.LoadSeconds), record: true, ct);
        var after = cpu();
        latencies.Sort();
        double PerRequest(double spent) => latencies.Count == 0 ? double.NaN : spent * 1000 / latencies.Count;
        return new LoadResult(name, latencies.Count, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99),
            PerRequest(after.Server - before.Server), PerRequest(after.Database - before.Database));
    }

    /// <summary>Sends requests one after another (no concurrency) and returns the median latency in milliseconds.</summary>
    public static async Task<double> SequentialMedianAsync(HttpClient http, Func<long, HttpRequestMessage> next, int count, CancellationToken ct)
    {
        var latencies = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            using var request = next(i);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (!response.IsSuccessStatusCode) throw await FailureAsync($"{request.Method} {request.RequestUri}", response, ct);
            latencies.Add(elapsed);
        }
        latencies.Sort();
        return Percentile(latencies, 0.50);
    }

    private static async Task<(List<long> Latencies, double Seconds)> PhaseAsync(HttpClient http, NextRequest next, TimeSpan duration, bool record, CancellationToken ct)
    {
        var failures = 0L;
        Exception? firstFailure = null;
        var watch = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<long>(record ? 1 << 14 : 0);
            for (long sequence = 0; watch.Elapsed < duration; sequence++)
            {
                using var request = next(client, sequence);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (!response.IsSuccessStatusCode)
                {
                    if (Interlocked.Increment(ref failures) == 1) firstFailure = await FailureAsync($"{request.Method} {request.RequestUri}", response, ct);
                    continue;
                }
                if (record) latencies.Add(elapsed);
            }
            return latencies;
        }, ct)).ToList();
        var all = (await Task.WhenAll(clients)).SelectMany(l => l).ToList();
        var seconds = watch.Elapsed.TotalSeconds;
        if (failures > 0) throw new InvalidOperationException($"{failures} answers were not 2xx: the load is not a valid measure. First: {firstFailure!.Message}");
        return (all, seconds);
    }

    private static async Task<Exception> FailureAsync(string what, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var conflict = response.StatusCode == HttpStatusCode.Conflict ? " (a concurrency conflict: two clients appended to the same stream)" : "";
        return new InvalidOperationException($"{what} answered {(int)response.StatusCode}{conflict}: {body[..Math.Min(body.Length, 500)]}");
    }

    private static double Percentile(List<long> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile * sorted.Count) - 1)] * 1000.0 / Stopwatch.Frequency;
}
