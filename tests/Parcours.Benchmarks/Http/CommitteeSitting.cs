using System.Net.Http.Json;
using Npgsql;
using Parcours.Committees;
using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Benchmarks.Http;

/// <summary>
/// A mutualised admission committee of <see cref="Items"/> items held through the API, as its
/// convener does it: scheduled, charter signed, the pathways put on the agenda one by one, the
/// session opened, every item decided (postponed, with the rationale and what is missing), the
/// session closed and the minutes issued. Its agenda and minutes are then the documents goal 7 times.
/// </summary>
public static class CommitteeSitting
{
    public const int Items = 60;

    public static readonly Habilitation Convener = Staff.SasCoordinator;

    private const string Candidates = """
        select id from parcours.mt_doc_pathwayfile
        where referent_structure_id = $1 and programme = 'SAS'
          and data ->> 'Status' not in ('Exited', 'Declined') and data ->> 'ArchivedOn' is null
        order by id limit $2
        """;

    /// <summary>Holds the sitting and returns its id and the number of items on its agenda.</summary>
    public static async Task<(Guid Id, int Items)> HoldAsync(BenchContext context, HttpClient http, ApiCredentials convener, CancellationToken ct)
    {
        var pathways = await CandidatesAsync(context, ct);
        var scheduled = await SendAsync<Written>(http, convener, HttpMethod.Post, "/api/committees",
            new { kind = nameof(CommitteeKind.MutualisedAdmission), sittingOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)) }, ct);
        var committee = $"/api/committees/{scheduled.Id}";
        await SendAsync<Written>(http, convener, HttpMethod.Post, $"{committee}/charter", null, ct);

        var items = new List<Guid>();
        foreach (var pathway in pathways)
        {
            using var added = await SendRawAsync(http, convener, HttpMethod.Post, $"{committee}/agenda/items", new { pathwayId = pathway }, ct);
            items.Add(Guid.Parse(added.Headers.Location!.ToString().Split('/')[^1]));
        }
        await SendAsync<Written>(http, convener, HttpMethod.Post, $"{committee}/session", new { }, ct);
        foreach (var item in items)
        {
            await SendAsync<Written>(http, convener, HttpMethod.Post, $"{committee}/items/{item}/decision",
                new { outcome = "Postpone", rationale = "Dossier à compléter avant décision (mesure de performance).", missing = "Justificatif de ressources." }, ct);
        }
        await SendAsync<Written>(http, convener, HttpMethod.Post, $"{committee}/session/closing", new { }, ct);
        await SendAsync<Written>(http, convener, HttpMethod.Post, $"{committee}/minutes", new { }, ct);
        return (scheduled.Id, items.Count);
    }

    private sealed record Written(Guid Id, long Version);

    private static async Task<IReadOnlyList<Guid>> CandidatesAsync(BenchContext context, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(context.Database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Candidates, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Structures.SasColuche });
        command.Parameters.Add(new NpgsqlParameter { Value = Items });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task<T> SendAsync<T>(HttpClient http, ApiCredentials who, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        using var response = await SendRawAsync(http, who, method, url, body, ct);
        return (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }

    private static async Task<HttpResponseMessage> SendRawAsync(HttpClient http, ApiCredentials who, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        using var request = who.Sign(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
        var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode) return response;
        var text = await response.Content.ReadAsStringAsync(ct);
        response.Dispose();
        throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode} while holding the benchmark sitting: {text}");
    }
}
