using Marten;
using Npgsql;

namespace Parcours.Audit;

/// <summary>
/// Writes the access trail. Reads and refusals are recorded on their own connection at once (a
/// refused read has no transaction to join); a command records inside its Marten transaction,
/// so the entry exists exactly when the change does.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource)
{
    private const string Insert =
        $"insert into {AuditSchema.Table} (worker_id, email, structure_id, case_id, person_id, action, purpose, outcome, id, at, previous_hash, hash) " +
        "values (@worker, @email, @structure, @case, @person, @action, @purpose, @outcome, 0, now(), '', '')";

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(Insert);
        Bind(command.Parameters, entry);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Records several entries in one round trip and one transaction (a batch), in their order:
    /// what a page showing many cases at once leaves, without a commit per case.
    /// </summary>
    public async Task RecordManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0) return;
        if (entries.Count == 1)
        {
            await RecordAsync(entries[0], ct);
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand(Insert);
            Bind(command.Parameters, entry);
            batch.BatchCommands.Add(command);
        }
        await using var transaction = await connection.BeginTransactionAsync(ct);
        batch.Transaction = transaction;
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Queues the entry in the session's unit of work (committed with the change).</summary>
    public static void Record(IDocumentSession session, AuditEntry entry) =>
        session.QueueSqlCommand(
            $"insert into {AuditSchema.Table} (worker_id, email, structure_id, case_id, person_id, action, purpose, outcome, id, at, previous_hash, hash) " +
            "values (?, ?, ?, ?, ?, ?, ?, ?, 0, now(), '', '')",
            (object?)entry.WorkerId ?? DBNull.Value, (object?)entry.Email ?? DBNull.Value, (object?)entry.StructureId ?? DBNull.Value,
            (object?)entry.CaseId ?? DBNull.Value, (object?)entry.PersonId ?? DBNull.Value, entry.Action, entry.Purpose, entry.Outcome.ToString());

    private static void Bind(NpgsqlParameterCollection parameters, AuditEntry entry)
    {
        parameters.AddWithValue("worker", (object?)entry.WorkerId ?? DBNull.Value);
        parameters.AddWithValue("email", (object?)entry.Email ?? DBNull.Value);
        parameters.AddWithValue("structure", (object?)entry.StructureId ?? DBNull.Value);
        parameters.AddWithValue("case", (object?)entry.CaseId ?? DBNull.Value);
        parameters.AddWithValue("person", (object?)entry.PersonId ?? DBNull.Value);
        parameters.AddWithValue("action", entry.Action);
        parameters.AddWithValue("purpose", entry.Purpose);
        parameters.AddWithValue("outcome", entry.Outcome.ToString());
    }
}
