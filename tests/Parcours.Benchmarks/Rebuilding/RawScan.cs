using System.Diagnostics;
using Npgsql;

namespace Parcours.Benchmarks.Rebuilding;

/// <summary>
/// The rebuild's baseline: every row of the event table read over Npgsql in keyset pages by
/// <c>seq_id</c>, the page size of the daemon's, each column read as the daemon would need it
/// (the JSON body as text) and nothing done with it.
/// </summary>
public static class RawScan
{
    /// <summary>The daemon's default page (Marten's <c>AsyncOptions.BatchSize</c>).</summary>
    public const int PageSize = 500;

    private const string Page =
        "select seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived " +
        "from parcours.mt_events where seq_id > @after order by seq_id limit @page";

    public static async Task<double> EventsPerSecondAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        long after = 0, rows = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(Page, connection);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("page", PageSize);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var read = 0;
            while (await reader.ReadAsync(ct))
            {
                after = reader.GetInt64(0);
                _ = reader.GetGuid(1);
                _ = reader.GetGuid(2);
                _ = reader.GetInt64(3);
                _ = reader.GetString(4);
                _ = reader.GetString(5);
                _ = reader.GetFieldValue<DateTimeOffset>(6);
                _ = reader.GetString(7);
                _ = reader.IsDBNull(8) ? null : reader.GetString(8);
                _ = reader.GetBoolean(9);
                read++;
            }
            rows += read;
            if (read < PageSize) break;
        }
        return rows / watch.Elapsed.TotalSeconds;
    }
}
