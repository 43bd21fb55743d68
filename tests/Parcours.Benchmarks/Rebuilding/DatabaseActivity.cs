using Npgsql;

namespace Parcours.Benchmarks.Rebuilding;

/// <summary>
/// The server's own counters around a step (transactions committed, rows read, written and
/// updated): how many round trips and how much writing a rebuild costs, to find why it is slow.
/// </summary>
public sealed record DatabaseActivity(long Commits, long RowsFetched, long RowsInserted, long RowsUpdated, long BlocksRead, long BlocksHit)
{
    public static async Task<DatabaseActivity> ReadAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select xact_commit, tup_fetched, tup_inserted, tup_updated, blks_read, blks_hit from pg_stat_database where datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DatabaseActivity(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    public static DatabaseActivity operator -(DatabaseActivity after, DatabaseActivity before) => new(
        after.Commits - before.Commits, after.RowsFetched - before.RowsFetched, after.RowsInserted - before.RowsInserted,
        after.RowsUpdated - before.RowsUpdated, after.BlocksRead - before.BlocksRead, after.BlocksHit - before.BlocksHit);

    public override string ToString() =>
        $"{Commits:N0} commits, {RowsFetched:N0} rows fetched, {RowsInserted:N0} inserted, {RowsUpdated:N0} updated, {BlocksRead:N0} blocks read, {BlocksHit:N0} hit";
}
