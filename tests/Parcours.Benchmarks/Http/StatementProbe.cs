using System.Text.RegularExpressions;

namespace Parcours.Benchmarks.Http;

/// <summary>
/// Counts the SQL statements PostgreSQL runs for a few sequential requests (<c>log_statement=all</c>
/// for the probe only, read back from the cluster's log; the pool's DISCARD ALL not counted): how many statements one command or one
/// read costs, and which, written beside the cluster for whoever profiles a missed goal.
/// </summary>
public static partial class StatementProbe
{
    public static async Task<double> PerRequestAsync(BenchContext context, string name, int requests, Func<int, Task> send, CancellationToken ct)
    {
        var log = Path.Combine(context.Database.Folder, "postgres.log");
        if (!File.Exists(log)) return double.NaN;
        await SetAsync(context, "all", ct);
        var start = new FileInfo(log).Length;
        for (var i = 0; i < requests; i++) await send(i);
        await Task.Delay(300, ct);
        await SetAsync(context, "none", ct);

        string excerpt;
        await using (var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.Seek(start, SeekOrigin.Begin);
            excerpt = await new StreamReader(stream).ReadToEndAsync(ct);
        }
        var statements = Statement().Matches(excerpt).Count;
        await File.WriteAllTextAsync(Path.Combine(context.Options.Folder, $"statements-{context.Scale.Name}-{name}.log"), excerpt, ct);
        return (double)statements / requests;
    }

    private static async Task SetAsync(BenchContext context, string value, CancellationToken ct)
    {
        await context.Database.ExecuteAsync($"alter system set log_statement = '{value}'", ct);
        await context.Database.ExecuteAsync("select pg_reload_conf()", ct);
        await Task.Delay(300, ct);
    }

    [GeneratedRegex(@"^\S+ \S+ \S+ \[\d+\] LOG:  (statement|execute [^:]*): (?!select pg_reload_conf|alter system|DISCARD ALL)", RegexOptions.Multiline)]
    private static partial Regex Statement();
}
