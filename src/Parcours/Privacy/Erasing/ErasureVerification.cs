using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Parcours.People.Vault;

namespace Parcours.Privacy.Erasing;

/// <summary>One column where a needle was found, and how many rows hold it. Never the needle itself.</summary>
public sealed record ScanFinding(string Table, string Column, long Rows);

/// <summary>What a verification scan covered and found: table and column names and counts only.</summary>
public sealed record VerificationReport(int Tables, int Columns, int Needles, IReadOnlyList<ScanFinding> Findings, DateTimeOffset ScannedAt)
{
    public long Hits => Findings.Sum(f => f.Rows);
    public bool Clean => Findings.Count == 0;
}

/// <summary>
/// The strings an erased person could be found by: names, birth date in the usual formats, phone,
/// e-mail, address. Read from the vault just before the key is destroyed, kept in memory only.
/// Needles shorter than three characters are left out (they would match anything).
/// </summary>
public sealed record ErasureNeedles(IReadOnlyList<string> Values)
{
    public static ErasureNeedles From(PersonIdentity identity)
    {
        var birth = identity.BirthDate;
        var candidates = new List<string?>
        {
            identity.FirstName, identity.LastName, $"{identity.FirstName} {identity.LastName}", identity.DisplayName,
            birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            birth.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            identity.Email, identity.Address,
        };
        if (identity.Phone is { } phone)
        {
            var digits = new string(phone.Where(char.IsDigit).ToArray());
            candidates.Add(phone);
            candidates.Add(digits);
            if (digits.Length == 10 && digits[0] == '0')
            {
                candidates.Add(string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2))));
                candidates.Add("+33" + digits[1..]);
                candidates.Add("33" + digits[1..]);
            }
        }
        return new ErasureNeedles(candidates
            .Where(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length >= 3)
            .Select(c => c!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());
    }

    /// <summary>How a needle may be written: as typed, upper, lower, and escaped the way JSON serialisers write it.</summary>
    public IEnumerable<string> Spellings() => Values
        .SelectMany(v => new[] { v, v.ToUpperInvariant(), v.ToLowerInvariant() })
        .SelectMany(v => new[] { v, JsonSerializer.Serialize(v)[1..^1] })
        .Distinct(StringComparer.Ordinal);
}

/// <summary>
/// Scans every column that can hold text (text, varchar, json, jsonb, arrays, bytea) of every
/// table of the database — Marten's events and documents, projections, Wolverine's envelopes,
/// the access trail — for the needles, and reports where they are found.
/// </summary>
public static class ErasureVerification
{
    private const string ColumnsQuery = """
        select c.table_schema, c.table_name, c.column_name, c.data_type
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg_toast%'
          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'xml') or c.data_type = 'ARRAY')
        order by c.table_schema, c.table_name, c.ordinal_position
        """;

    public static async Task<VerificationReport> ScanAsync(NpgsqlConnection connection, ErasureNeedles needles, DateTimeOffset now, CancellationToken ct = default)
    {
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var command = new NpgsqlCommand(ColumnsQuery, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        var spellings = needles.Spellings().ToArray();
        var patterns = spellings.Select(s => "%" + Like(s) + "%").ToArray();
        var bytes = spellings.Select(Encoding.UTF8.GetBytes).ToArray();
        var findings = new List<ScanFinding>();
        foreach (var table in columns.GroupBy(c => (c.Schema, c.Table)))
        {
            var name = $"{Quote(table.Key.Schema)}.{Quote(table.Key.Table)}";
            var counts = table.Select(c => $"count(*) filter (where {Matches(c.Column, c.Type, bytes.Length)})");
            await using var command = new NpgsqlCommand($"select {string.Join(", ", counts)} from {name}", connection);
            command.Parameters.Add(new NpgsqlParameter("patterns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = patterns });
            for (var i = 0; i < bytes.Length; i++) command.Parameters.Add(new NpgsqlParameter($"b{i}", NpgsqlDbType.Bytea) { Value = bytes[i] });
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var ordinal = 0;
            foreach (var column in table)
            {
                var rows = reader.GetInt64(ordinal++);
                if (rows > 0) findings.Add(new ScanFinding($"{table.Key.Schema}.{table.Key.Table}", column.Column, rows));
            }
        }
        return new VerificationReport(columns.Select(c => (c.Schema, c.Table)).Distinct().Count(), columns.Count, needles.Values.Count, findings, now);
    }

    private static string Matches(string column, string type, int byteNeedles) => type == "bytea"
        ? "(" + string.Join(" or ", Enumerable.Range(0, byteNeedles).Select(i => $"position(@b{i} in {Quote(column)}) > 0").DefaultIfEmpty("false")) + ")"
        : $"{Quote(column)}::text ilike any(@patterns)";

    private static string Like(string value) => value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
