using System.Net.Http.Json;
using Parcours.Benchmarks.Reporting;

namespace Parcours.Benchmarks.Http;

/// <summary>The city's p99 latencies, kept for goal 6 (flat cost with growth) when the national scale runs after it.</summary>
public sealed class LatencyHistory
{
    public double? CityCommandP99 { get; set; }
    public double? CityReadP99 { get; set; }
}

/// <summary>
/// The measures over HTTP, Parcours as a real server against the hand-written minimal-API
/// baseline on the same database: the command path (goal 1), the case read with its audit
/// entry (goal 2), their p99 growth from city to national (goal 6), the 60-item committee's
/// documents against one command round trip (goal 7a) and Parcours' peak working set under the
/// load (goal 7b).
/// </summary>
public static class HttpMeasures
{
    private const double MemoryBudgetMegabytes = 512;
    private const int SequentialRequests = 30;

    public static async Task RunAsync(BenchContext context, LatencyHistory history, CancellationToken ct)
    {
        var scale = context.Scale;
        await BaselineServer.InstallAsync(context.Database, ct);
        var cases = await CaseLoad.FindAsync(context, ct);
        Harness.Log($"  HTTP: {cases.Referent.DisplayName} on {cases.Pathways.Count:N0} open pathways, {LoadClient.Clients} clients, {scale.LoadSeconds} s each");

        await using var baseline = await BaselineServer.StartAsync(context, ct);
        await using var parcours = await ParcoursApp.StartAsync(context, ct);
        using var baselineHttp = LoadClient.CreateHttpClient(baseline.Url);
        using var parcoursHttp = LoadClient.CreateHttpClient(parcours.Url);
        var started = Megabytes(parcours.PeakWorkingSet());
        var referent = await ApiSignIn.SignInAsync(parcours.Url, cases.Referent, ct);
        // One request before the loads: the memory an endpoint's first use costs (code generation, at runtime) shows apart.
        using (var request = referent.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/pathways/{cases.For(0, 0)}")))
        using (var first = await parcoursHttp.SendAsync(request, ct)) first.EnsureSuccessStatusCode();
        var afterFirst = Megabytes(parcours.PeakWorkingSet());
        Harness.Log($"  Parcours peak working set: {started:0} MB started, {afterFirst:0} MB after its first case read");

        var reviewedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        object Review(long sequence) => new { reviewedOn, summary = $"Entretien de suivi n° {sequence} : démarches en cours, prochain rendez-vous fixé." };

        var cluster = new ClusterCpu(context.Database.Folder);
        (double, double) BaselineCpu() => (CpuTime.OfProcess(baseline.Id), cluster.Read());
        (double, double) ParcoursCpu() => (CpuTime.OfProcess(parcours.Id), cluster.Read());

        var baselineCommand = await LoadAsync("baseline POST /command", baselineHttp, BaselineCpu,
            (client, sequence) => new HttpRequestMessage(HttpMethod.Post, "/command") { Content = JsonContent.Create(Review(sequence)) }, scale, ct);
        var parcoursCommand = await LoadAsync("Parcours POST /api/pathways/{id}/reviews", parcoursHttp, ParcoursCpu,
            (client, sequence) => referent.Sign(new HttpRequestMessage(HttpMethod.Post, $"/api/pathways/{cases.For(client, sequence)}/reviews")
            {
                Content = JsonContent.Create(Review(sequence)),
            }), scale, ct);
        var baselineRead = await LoadAsync("baseline GET /read/{id}", baselineHttp, BaselineCpu,
            (client, sequence) => new HttpRequestMessage(HttpMethod.Get, $"/read/{cases.For(client, sequence)}"), scale, ct);
        var parcoursRead = await LoadAsync("Parcours GET /api/pathways/{id}", parcoursHttp, ParcoursCpu,
            (client, sequence) => referent.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/pathways/{cases.For(client, sequence)}")), scale, ct);

        var measures = context.Measures;
        var load = $"{LoadClient.Clients} clients, {scale.LoadSeconds} s after {scale.WarmupSeconds} s warm-up, {cases.Pathways.Count:N0} pathways";
        measures.Add(Measure.AtLeast("1", "Command (review) over HTTP: requests/s", scale, parcoursCommand.RequestsPerSecond, baselineCommand.RequestsPerSecond, "req/s", 0.5,
            $"{load}; sign-in (JWT) → habilitation → access & consent → append → inline view → commit, vs one insert + commit"));
        measures.Add(Measure.AtMost("1", "Command (review) over HTTP: p99", scale, parcoursCommand.P99Milliseconds, baselineCommand.P99Milliseconds, "ms", 3,
            $"p50 {parcoursCommand.P50Milliseconds:0.0} ms vs {baselineCommand.P50Milliseconds:0.0} ms; {Cpu(parcoursCommand, baselineCommand)}"));
        measures.Add(Measure.AtLeast("2", "Case file read with its audit entry: requests/s", scale, parcoursRead.RequestsPerSecond, baselineRead.RequestsPerSecond, "req/s", 0.6,
            $"{load}; p99 {parcoursRead.P99Milliseconds:0.0} ms vs {baselineRead.P99Milliseconds:0.0} ms, vs one jsonb lookup + one audit insert; {Cpu(parcoursRead, baselineRead)}"));
        Growth(context, history, parcoursCommand, parcoursRead);

        // Goal 7a: the sitting's documents, one after the other, against one command round trip.
        var convener = await ApiSignIn.SignInAsync(parcours.Url, CommitteeSitting.Convener, ct);
        var (committee, items) = await CommitteeSitting.HoldAsync(context, parcoursHttp, convener, ct);
        var agenda = await LoadClient.SequentialMedianAsync(parcoursHttp,
            _ => convener.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/committees/{committee}/documents/agenda?version=nominative")), SequentialRequests, ct);
        var minutes = await LoadClient.SequentialMedianAsync(parcoursHttp,
            _ => convener.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/committees/{committee}/documents/minutes?version=nominative")), SequentialRequests, ct);
        var command = await LoadClient.SequentialMedianAsync(parcoursHttp,
            sequence => referent.Sign(new HttpRequestMessage(HttpMethod.Post, $"/api/pathways/{cases.For(0, sequence)}/reviews") { Content = JsonContent.Create(Review(sequence)) }),
            SequentialRequests, ct);
        measures.Add(Measure.AtMost("7", $"Committee agenda + minutes ({items} items) vs one command", scale, agenda + minutes, command, "ms", 1,
            $"medians of {SequentialRequests} sequential requests: agenda {agenda:0.0} ms + minutes {minutes:0.0} ms (nominative), command {command:0.0} ms"));
        Harness.Log($"  sitting of {items} items: agenda {agenda:0.0} ms + minutes {minutes:0.0} ms vs one command {command:0.0} ms");

        Memory(context, parcours, baseline, $"{started:0} MB once started, {afterFirst:0} MB after its first request");
        await StatementsAsync(context, parcoursHttp, referent, convener, cases, committee, Review, ct);
    }

    /// <summary>SQL statements per request, for the findings (what a missed goal costs, statement by statement).</summary>
    private static async Task StatementsAsync(BenchContext context, HttpClient http, ApiCredentials referent, ApiCredentials convener, CaseLoad cases,
        Guid committee, Func<long, object> review, CancellationToken ct)
    {
        async Task Send(HttpRequestMessage request)
        {
            using (request)
            using (var response = await http.SendAsync(request, ct)) response.EnsureSuccessStatusCode();
        }
        var probes = new (string Name, string Label, Func<int, Task> Send)[]
        {
            ("command", "command (review)", i => Send(referent.Sign(new HttpRequestMessage(HttpMethod.Post, $"/api/pathways/{cases.For(1, i)}/reviews") { Content = JsonContent.Create(review(i)) }))),
            ("read", "case file read", i => Send(referent.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/pathways/{cases.For(1, i)}")))),
            ("agenda", "committee agenda", _ => Send(convener.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/committees/{committee}/documents/agenda?version=nominative")))),
            ("minutes", "committee minutes", _ => Send(convener.Sign(new HttpRequestMessage(HttpMethod.Get, $"/api/committees/{committee}/documents/minutes?version=nominative")))),
        };
        foreach (var probe in probes)
        {
            var perRequest = await StatementProbe.PerRequestAsync(context, probe.Name, 4, probe.Send, ct);
            context.Measures.Add(Measure.Info($"SQL statements per {probe.Label}", context.Scale, perRequest, "statements", "log_statement=all over 4 sequential requests"));
            Harness.Log($"  {perRequest:0.#} SQL statements per {probe.Label}");
        }
    }

    private static async Task<LoadResult> LoadAsync(string name, HttpClient http, Func<(double, double)> cpu, LoadClient.NextRequest next, Scale scale, CancellationToken ct)
    {
        var result = await LoadClient.RunAsync(name, http, next, scale, cpu, ct);
        Harness.Log("  " + result);
        return result;
    }

    private static double Megabytes(long? bytes) => (bytes ?? 0) / (1024.0 * 1024.0);

    private static string Cpu(LoadResult parcours, LoadResult baseline) =>
        $"CPU per request: server {parcours.ServerCpuMilliseconds:0.00} ms vs {baseline.ServerCpuMilliseconds:0.00} ms, PostgreSQL {parcours.DatabaseCpuMilliseconds:0.00} ms vs {baseline.DatabaseCpuMilliseconds:0.00} ms";

    /// <summary>Goal 6: kept at city, compared at national.</summary>
    private static void Growth(BenchContext context, LatencyHistory history, LoadResult command, LoadResult read)
    {
        if (context.Scale == Scale.City)
        {
            history.CityCommandP99 = command.P99Milliseconds;
            history.CityReadP99 = read.P99Milliseconds;
        }
        if (context.Scale != Scale.National || history.CityCommandP99 is not { } cityCommand || history.CityReadP99 is not { } cityRead) return;
        context.Measures.Add(Measure.AtMost("6", "Command p99: national vs city", context.Scale, command.P99Milliseconds, cityCommand, "ms", 1.25, "baseline column: the city's p99 in the same run"));
        context.Measures.Add(Measure.AtMost("6", "Case read p99: national vs city", context.Scale, read.P99Milliseconds, cityRead, "ms", 1.25, "baseline column: the city's p99 in the same run"));
    }

    /// <summary>Goal 7b: Parcours' peak resident set after the loads (VmHWM), judged at national scale against the 512 MB budget.</summary>
    private static void Memory(BenchContext context, ChildProcess parcours, ChildProcess baseline, string before)
    {
        if (parcours.PeakWorkingSet() is not { } peak) return;
        var megabytes = Megabytes(peak);
        var note = $"VmHWM of the Parcours process after the loads ({before}); baseline server {Megabytes(baseline.PeakWorkingSet()):0} MB";
        context.Measures.Add(context.Scale == Scale.National
            ? Measure.AtMost("7", "Peak working set of Parcours under load", context.Scale, megabytes, MemoryBudgetMegabytes, "MB", 1, "baseline column: the budget; " + note)
            : Measure.Info("Peak working set of Parcours under load", context.Scale, megabytes, "MB", note));
        Harness.Log($"  Parcours peak working set {megabytes:0} MB");
    }
}
