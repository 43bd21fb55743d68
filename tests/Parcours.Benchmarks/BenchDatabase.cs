using Npgsql;
using Parcours.Audit;
using Parcours.Hosting;

namespace Parcours.Benchmarks;

/// <summary>
/// The harness' own PostgreSQL cluster, one per scale, started from the machine's binaries with
/// the same settings for every measure. Commits are durable (<c>synchronous_commit=on</c>,
/// <c>fsync=on</c>): what Parcours and the baselines pay for a commit is what production pays.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string Database = "parcours";

    /// <summary>The server settings of every measure (besides the socket ones), as written in the report.</summary>
    public const string ServerSettings =
        "-c synchronous_commit=on -c fsync=on -c full_page_writes=on -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min";

    private readonly PostgresCluster _cluster;
    private readonly bool _keep;

    private BenchDatabase(PostgresCluster cluster, bool keep)
    {
        _cluster = cluster;
        _keep = keep;
    }

    /// <summary>Parcours' own role (the application's connection string).</summary>
    public string ConnectionString => _cluster.ConnectionString(Database);

    /// <summary>The cluster owner (baseline tables, statistics, EXPLAIN).</summary>
    public string OwnerConnectionString => _cluster.OwnerConnectionString(Database);

    public string Folder => _cluster.Folder;

    /// <summary>Starts the cluster in <paramref name="folder"/>; unless <paramref name="keep"/>, an existing one is wiped first.</summary>
    public static async Task<BenchDatabase> StartAsync(string folder, bool keep, CancellationToken ct)
    {
        if (!keep && Directory.Exists(folder)) PostgresCluster.For(folder).Destroy();
        var cluster = PostgresCluster.For(folder);
        await cluster.StartAsync(throwaway: true, ServerSettings, ct);
        await cluster.EnsureDatabaseAsync(Database, ct);
        await AuditSchema.InstallAsync(cluster.OwnerConnectionString(Database), PostgresCluster.ApplicationRole);
        return new BenchDatabase(cluster, keep);
    }

    public async Task<string> VersionAsync(CancellationToken ct) => (string)(await ScalarAsync("show server_version", ct))!;

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_keep) _cluster.Stop();
        else _cluster.Destroy();
        return ValueTask.CompletedTask;
    }
}
