using System.Diagnostics;
using System.Text;
using Marten;
using Npgsql;
using Parcours.Benchmarks.Rebuilding;
using Parcours.Benchmarks.Reporting;

namespace Parcours.Benchmarks.Loading;

/// <summary>
/// Goal 3: Parcours' bulk import (Marten's bulk event append, as the loader does it) against a
/// binary COPY of the same rows into a table shaped like the event table, and 100-row
/// multi-VALUES inserts of them. The pathways are generated and encrypted before any timing; each
/// repetition starts from empty tables; Parcours writes into a store configured as its own in a
/// schema of its own, so the measured store is left as it is. The baselines write exactly the
/// rows Parcours wrote (read back from its event table).
/// </summary>
public static class BulkImport
{
    private const string ImportSchema = "bench_import";
    private const int SamplePathways = 25_000;
    private const int ValuesPerInsert = 100;

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var pathways = Math.Min(context.Scale.Pathways, SamplePathways);
        var database = context.Database;
        var sealedStructures = await TerritoryLoader.SealedStructuresAsync(context.Store, ct);
        var cities = CityGenerator.Generate(context, pathways, context.Options.Seed + 1, DateTimeOffset.UtcNow, sealedStructures).ToList();
        Harness.Log($"  bulk import: {pathways:N0} pathways generated, {cities.Sum(c => c.Events):N0} events, {context.Scale.Repetitions} repetitions");

        await using var store = context.StoreInSchema(ImportSchema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var parcours = new List<double>();
        long rows = 0;
        // Warm-up (not counted): the first city, so that no repetition pays for compiling Marten's code.
        await store.BulkInsertEventsAsync(cities[0].Streams.Select(s => s.Start(store)).ToList(), cancellation: ct);
        for (var i = 0; i < context.Scale.Repetitions; i++)
        {
            await database.ExecuteAsync($"truncate {ImportSchema}.mt_events, {ImportSchema}.mt_streams", ct);
            var seconds = 0.0;
            foreach (var city in cities)
            {
                var streams = city.Streams.Select(s => s.Start(store)).ToList();
                var watch = Stopwatch.StartNew();
                await store.BulkInsertEventsAsync(streams, cancellation: ct);
                seconds += watch.Elapsed.TotalSeconds;
            }
            rows = Convert.ToInt64(await database.ScalarAsync($"select count(*) from {ImportSchema}.mt_events", ct));
            parcours.Add(rows / seconds);
        }

        var table = await EventRows.ReadAsync(database, ImportSchema, ct);
        await database.ExecuteAsync(
            $"create schema if not exists bench; drop table if exists bench.copy_events, bench.values_events; " +
            $"create table bench.copy_events (like {ImportSchema}.mt_events including all); create table bench.values_events (like {ImportSchema}.mt_events including all)", ct);
        var copy = new List<double>();
        var values = new List<double>();
        var warmup = table with { Rows = table.Rows.Take(1_000).ToList() };
        await CopyAsync(database, warmup, "bench.copy_events", ct);
        await ValuesAsync(database, warmup, "bench.values_events", ct);
        for (var i = 0; i < context.Scale.Repetitions; i++)
        {
            await database.ExecuteAsync("truncate bench.copy_events, bench.values_events", ct);
            copy.Add(table.Rows.Count / await CopyAsync(database, table, "bench.copy_events", ct));
            values.Add(table.Rows.Count / await ValuesAsync(database, table, "bench.values_events", ct));
        }
        await database.ExecuteAsync($"drop table bench.copy_events, bench.values_events; drop schema {ImportSchema} cascade", ct);

        var parcoursRate = ProjectionRebuild.Median(parcours);
        var copyRate = ProjectionRebuild.Median(copy);
        var valuesRate = ProjectionRebuild.Median(values);
        Harness.Log($"  bulk import: Parcours {parcoursRate:N0} rows/s, binary COPY {copyRate:N0} rows/s, 100-row VALUES {valuesRate:N0} rows/s");
        var sample = pathways < context.Scale.Pathways ? $"a sample of {pathways:N0} pathways ({rows:N0} event rows) of the scale's generator" : $"{rows:N0} event rows";
        context.Measures.Add(Measure.AtLeast("3", "Bulk import of pathways (event rows/s)", context.Scale, parcoursRate, copyRate, "rows/s", 0.5,
            $"Marten's bulk event append, a city ({CityGenerator.CityPathways:N0} pathways) per call, writing only (generated and encrypted before); baseline: binary COPY of the same rows into a table like mt_events; {sample}; median of {context.Scale.Repetitions}"));
        context.Measures.Add(Measure.Info("Bulk import baseline: 100-row multi-VALUES inserts", context.Scale, valuesRate, "rows/s",
            $"same rows, one transaction; Parcours ÷ VALUES = {parcoursRate / valuesRate:0.00}"));
    }

    private static async Task<double> CopyAsync(BenchDatabase database, EventRows table, string target, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync($"copy {target} ({table.ColumnList}) from stdin (format binary)", ct))
        {
            foreach (var row in table.Rows)
            {
                await importer.StartRowAsync(ct);
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c] is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(row[c], table.Types[c], ct);
                }
            }
            await importer.CompleteAsync(ct);
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> ValuesAsync(BenchDatabase database, EventRows table, string target, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var chunk in table.Rows.Chunk(ValuesPerInsert))
        {
            var sql = new StringBuilder($"insert into {target} ({table.ColumnList}) values ");
            await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < chunk[r].Length; c++)
                {
                    sql.Append(c == 0 ? "$" : ", $").Append(command.Parameters.Count + 1);
                    command.Parameters.Add(new NpgsqlParameter { Value = chunk[r][c] ?? DBNull.Value, DataTypeName = table.Types[c] });
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return watch.Elapsed.TotalSeconds;
    }
}

/// <summary>Every row of an event table, in memory, with its columns' PostgreSQL types: what the baselines write.</summary>
public sealed record EventRows(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, List<object?[]> Rows)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c}\""));

    public static async Task<EventRows> ReadAsync(BenchDatabase database, string schema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        var columns = new List<string>();
        var types = new List<string>();
        await using (var command = new NpgsqlCommand(
            "select column_name, udt_name from information_schema.columns where table_schema = @schema and table_name = 'mt_events' order by ordinal_position", connection))
        {
            command.Parameters.AddWithValue("schema", schema);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }
        }
        var rows = new List<object?[]>();
        var list = string.Join(", ", columns.Select((c, i) => types[i] == "jsonb" ? $"\"{c}\"::text" : $"\"{c}\""));
        await using (var command = new NpgsqlCommand($"select {list} from {schema}.mt_events order by seq_id", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var row = new object?[columns.Count];
                for (var c = 0; c < row.Length; c++) row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
                rows.Add(row);
            }
        }
        return new EventRows(columns, types, rows);
    }
}
