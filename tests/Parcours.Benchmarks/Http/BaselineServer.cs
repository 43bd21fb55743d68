using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Parcours.Audit;

namespace Parcours.Benchmarks.Http;

/// <summary>
/// The hand-written minimal-API endpoints Parcours' command and case read are compared with: the
/// least an HTTP endpoint can do for the same database work, on the same PostgreSQL, with the same
/// runtime settings (a child process with server GC, as Parcours'). No sign-in, no access check,
/// no event store: that is the cost Parcours' goals allow for them.
/// <list type="bullet">
/// <item><c>POST /command</c>: the request's JSON as one event-like row into <see cref="EventsTable"/>
/// (shaped like Marten's <c>mt_events</c>), then commit.</item>
/// <item><c>GET /read/{id}</c>: one jsonb lookup of the case file (<c>mt_doc_pathwayfile</c>) by id,
/// then one entry in Parcours' own access trail (same table, same hash-chaining trigger).</item>
/// </list>
/// </summary>
public static class BaselineServer
{
    public const string EventsTable = "bench.http_events";

    /// <summary>The baseline's table, made by the cluster owner from Marten's own event table (columns, defaults, indexes; its own sequence).</summary>
    public static async Task InstallAsync(BenchDatabase database, CancellationToken ct) => await database.ExecuteAsync($"""
        create schema if not exists bench;
        drop table if exists {EventsTable};
        create table {EventsTable} (like parcours.mt_events including defaults including indexes including constraints);
        create sequence if not exists bench.http_events_seq;
        alter table {EventsTable} alter column seq_id set default nextval('bench.http_events_seq');
        grant usage on schema bench to {Parcours.Hosting.PostgresCluster.ApplicationRole};
        grant select, insert on {EventsTable} to {Parcours.Hosting.PostgresCluster.ApplicationRole};
        grant usage on sequence bench.http_events_seq to {Parcours.Hosting.PostgresCluster.ApplicationRole};
        """, ct);

    private const string InsertEvent =
        $"insert into {EventsTable} (id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type) " +
        "values ($1, $2, 1, $3, 'review_recorded', now(), '*DEFAULT*', 'Parcours.Pathways.ReviewRecorded, Parcours')";

    private const string ReadFile = "select data from parcours.mt_doc_pathwayfile where id = $1";

    private const string InsertAudit =
        $"insert into {AuditSchema.Table} (worker_id, email, structure_id, case_id, person_id, action, purpose, outcome, id, at, previous_hash, hash) " +
        "values ($1, 'baseline@bench.invalid', null, $2, null, 'pathway.read', 'baseline', 'Allowed', 0, now(), '', '')";

    private static readonly Guid Worker = Guid.Parse("0195b000-0000-7000-8000-0000000000ba");

    public static async Task RunAsync(string connectionString, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        var app = builder.Build();

        app.MapPost("/command", async (HttpRequest request, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var insert = new NpgsqlCommand(InsertEvent, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter { Value = body.RootElement.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.Ok();
        });

        app.MapGet("/read/{id:guid}", async (Guid id, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            string? file;
            await using (var read = dataSource.CreateCommand(ReadFile))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = id });
                file = (string?)await read.ExecuteScalarAsync(ct);
            }
            await using (var audit = dataSource.CreateCommand(InsertAudit))
            {
                audit.Parameters.Add(new NpgsqlParameter { Value = Worker });
                audit.Parameters.Add(new NpgsqlParameter { Value = id });
                await audit.ExecuteNonQueryAsync(ct);
            }
            return file is null ? Results.NotFound() : Results.Text(file, "application/json");
        });

        app.MapGet("/", () => "baseline");
        await app.RunAsync();
    }

    /// <summary>Starts the baseline as a child of the harness (<c>serve-baseline</c>), server GC like Parcours.</summary>
    public static Task<ChildProcess> StartAsync(BenchContext context, CancellationToken ct)
    {
        var url = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var harness = HarnessAssembly();
        var environment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        return ChildProcess.StartAsync("Baseline", [harness, "serve-baseline", context.Database.ConnectionString, url.ToString().TrimEnd('/')],
            environment, url, "/", Path.GetDirectoryName(harness)!, ct);
    }

    /// <summary>The harness' own program (beside this assembly when run as itself; its project's build when a test runs it).</summary>
    private static string HarnessAssembly()
    {
        var own = typeof(BaselineServer).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(own, ".runtimeconfig.json"))) return own;
        return Path.Combine(BenchOptions.RepositoryRoot(), "tests", "Parcours.Benchmarks", "bin", ParcoursApp.Configuration(), "net10.0", "Parcours.Benchmarks.dll");
    }
}
