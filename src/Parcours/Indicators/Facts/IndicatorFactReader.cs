using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Npgsql;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Indicators.Facts;

/// <summary>
/// Reads every projected indicator fact with only the fields the counting rules use: one narrow
/// select of jsonb fields, streamed, instead of whole documents. At national scale (500,000
/// facts) parsing whole documents was a third of a live publication's time. The codes repeated on
/// every fact (programme, territory, age band, source) are shared within a read, so the facts take
/// far less memory. Not read, because no indicator counts them: the track, the referring
/// structure's kind, the decline and the current exit (its history, <see cref="IndicatorFact.Exits"/>,
/// is read). The documents themselves stay whole and unchanged.
/// </summary>
public static class IndicatorFactReader
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<List<IndicatorFact>> ReadAsync(IQuerySession session, string schema, CancellationToken ct)
    {
        var command = new NpgsqlCommand(
            "select data->>'Id', data->>'Person', data->>'Programme', data->>'TerritoryCode', data->>'TerritoryKind', data->>'ParentTerritoryCode', " +
            "data->>'Sex', data->>'AgeBand', data->>'ReferralSource', data->>'ReferredOn', data->>'AcceptedOn', data->>'StartedOn', " +
            "data->>'FirstCommitteeDecisionOn', data->'Exits', data->'Orientations' " +
            $"from {schema}.mt_doc_indicatorfact");
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Code(string value) => codes.TryGetValue(value, out var shared) ? shared : codes[value] = value;

        var facts = new List<IndicatorFact>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            facts.Add(new IndicatorFact
            {
                Id = reader.GetString(0),
                Person = reader.GetString(1),
                Programme = Code(reader.GetString(2)),
                TerritoryCode = Code(reader.GetString(3)),
                TerritoryKind = Text(4) is { } kind ? Enum.Parse<TerritoryKind>(kind) : null,
                ParentTerritoryCode = Text(5) is { } parent ? Code(parent) : null,
                Sex = Enum.Parse<Sex>(reader.GetString(6)),
                AgeBand = Code(reader.GetString(7)),
                ReferralSource = Code(reader.GetString(8)),
                ReferredOn = Date(reader.GetString(9)),
                AcceptedOn = Text(10) is { } accepted ? Date(accepted) : null,
                StartedOn = Text(11) is { } started ? Date(started) : null,
                FirstCommitteeDecisionOn = Text(12) is { } decided ? Date(decided) : null,
                Exits = List<ExitFact>(Text(13)),
                Orientations = List<OrientationFact>(Text(14)),
            });
        }
        return facts;
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Most facts have no exit or orientation yet: "[]" is not parsed.</summary>
    private static List<T> List<T>(string? json) =>
        json is null or "[]" ? [] : JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];
}
