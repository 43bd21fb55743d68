using Npgsql;

namespace Parcours.Benchmarks.Rebuilding;

/// <summary>
/// After the rebuild, each asynchronous projection's progress must stand at the event store's
/// high-water mark, or the application started for the HTTP measures would replay the store
/// while it is being measured.
/// </summary>
public static class ProgressCheck
{
    public static async Task AtHighWaterAsync(BenchContext context, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(context.Database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        var last = Convert.ToInt64(await new NpgsqlCommand("select coalesce(max(seq_id), 0) from parcours.mt_events", connection).ExecuteScalarAsync(ct));
        var progress = new List<(string Name, long Seq)>();
        await using (var command = new NpgsqlCommand("select name, last_seq_id from parcours.mt_event_progression order by name", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) progress.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        Harness.Log($"  progress (last event {last:N0}): {string.Join(", ", progress.Select(p => $"{p.Name}={p.Seq:N0}"))}");
        var behind = progress.Where(p => p.Name != "HighWaterMark" && p.Seq < last).ToList();
        if (behind.Count > 0) throw new InvalidOperationException($"Projections behind the last event {last}: {string.Join(", ", behind.Select(p => $"{p.Name} at {p.Seq}"))}");
    }
}
