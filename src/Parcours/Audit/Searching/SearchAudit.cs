using Npgsql;
using NpgsqlTypes;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Audit.Searching;

/// <summary>The data-protection officer's search of the access trail (newest first).</summary>
public sealed record AuditFilter(Guid? CaseId = null, Guid? PersonId = null, string? Email = null, DateOnly? From = null, DateOnly? To = null,
    AuditOutcome? Outcome = null, int Page = 1)
{
    public const int PageSize = 100;
}

public sealed record AuditPage(IReadOnlyList<AuditRecord> Entries, int Page, bool HasMore);

public static class AuditSearch
{
    /// <summary>Only the data-protection officer may read the trail; the search itself is traced.</summary>
    public static bool MayRead(CurrentWorker worker) => worker.Has(Role.DataProtectionOfficer);

    public static async Task<AuditPage> QueryAsync(NpgsqlDataSource dataSource, AuditTrail trail, CurrentWorker worker, AuditFilter filter, CancellationToken ct)
    {
        await trail.RecordAsync(AuditEntry.By(worker, "audit.search", "contrôle du journal des accès", AuditOutcome.Allowed, filter.CaseId, filter.PersonId), ct);

        var page = Math.Max(1, filter.Page);
        await using var command = dataSource.CreateCommand(
            $"select id, at, worker_id, email, structure_id, case_id, person_id, action, purpose, outcome, previous_hash, hash from {AuditSchema.Table} " +
            "where (@case is null or case_id = @case) and (@person is null or person_id = @person) and (@email is null or email = @email) " +
            "and (@from is null or at >= @from) and (@to is null or at < @to) and (@outcome is null or outcome = @outcome) " +
            "order by id desc limit @limit offset @offset");
        command.Parameters.Add(new NpgsqlParameter("case", NpgsqlDbType.Uuid) { Value = (object?)filter.CaseId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("person", NpgsqlDbType.Uuid) { Value = (object?)filter.PersonId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("email", NpgsqlDbType.Text) { Value = (object?)filter.Email?.Trim().ToLowerInvariant() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)ParisMidnight(filter.From) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)ParisMidnight(filter.To?.AddDays(1)) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("outcome", NpgsqlDbType.Text) { Value = (object?)filter.Outcome?.ToString() ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", AuditFilter.PageSize + 1);
        command.Parameters.AddWithValue("offset", (page - 1) * AuditFilter.PageSize);

        var entries = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new AuditRecord(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), Nullable<Guid>(reader, 2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Nullable<Guid>(reader, 4), Nullable<Guid>(reader, 5), Nullable<Guid>(reader, 6), reader.GetString(7), reader.GetString(8),
                Enum.Parse<AuditOutcome>(reader.GetString(9)), reader.GetString(10), reader.GetString(11)));
        }
        var hasMore = entries.Count > AuditFilter.PageSize;
        return new AuditPage(hasMore ? entries[..AuditFilter.PageSize] : entries, page, hasMore);
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static DateTimeOffset? ParisMidnight(DateOnly? day) =>
        day is { } d ? TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")) : null;
}

public static class SearchAuditEndpoint
{
    [WolverineGet("/api/audit", OperationId = "searchAudit")]
    public static async Task<IResult> Get(CurrentWorker worker, NpgsqlDataSource dataSource, AuditTrail trail, CancellationToken ct,
        Guid? caseId = null, Guid? personId = null, string? email = null, DateOnly? from = null, DateOnly? to = null, AuditOutcome? outcome = null, int page = 1)
    {
        if (!AuditSearch.MayRead(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, "audit.search", "contrôle du journal des accès", AuditOutcome.Refused), ct);
            return OutcomeResults.ToProblem(Refusal.NotFound());
        }
        return Results.Ok(await AuditSearch.QueryAsync(dataSource, trail, worker, new AuditFilter(caseId, personId, email, from, to, outcome, page), ct));
    }
}
