using Npgsql;
using Parcours.Identity;

namespace Parcours.Benchmarks.Http;

/// <summary>
/// The cases the HTTP loads work on: a référente and the open pathways her structure follows
/// (accepted, active or suspended, not archived), which she may read and act on. Each client takes
/// its own share of them, so two concurrent commands never append to the same stream.
/// </summary>
public sealed record CaseLoad(Habilitation Referent, IReadOnlyList<Guid> Pathways)
{
    private const string OpenFiles = """
        select referent_structure_id, id from parcours.mt_doc_pathwayfile
        where data ->> 'Status' in ('Accepted', 'Active', 'Suspended') and data ->> 'ArchivedOn' is null
          and (data ->> 'ReferredOn')::date < current_date - 1
        order by id
        """;

    /// <summary>The référente whose structure follows the most open pathways, and those pathways.</summary>
    public static async Task<CaseLoad> FindAsync(BenchContext context, CancellationToken ct)
    {
        var byStructure = new Dictionary<Guid, List<Guid>>();
        await using (var connection = new NpgsqlConnection(context.Database.OwnerConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(OpenFiles, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var structure = reader.GetGuid(0);
                if (!byStructure.TryGetValue(structure, out var list)) byStructure[structure] = list = [];
                list.Add(reader.GetGuid(1));
            }
        }
        var referent = Staff.All
            .Where(s => s.Active && CurrentWorker.Of(s).FollowsCases)
            .OrderByDescending(s => byStructure.GetValueOrDefault(s.StructureId)?.Count ?? 0)
            .First();
        var pathways = byStructure.GetValueOrDefault(referent.StructureId) ?? [];
        if (pathways.Count < LoadClient.Clients)
        {
            throw new InvalidOperationException($"Only {pathways.Count} open pathways for {referent.DisplayName}: the HTTP loads need at least {LoadClient.Clients}.");
        }
        return new CaseLoad(referent, pathways);
    }

    /// <summary>The pathway client <paramref name="client"/> works on for its <paramref name="sequence"/>-th request: its own share, in turn.</summary>
    public Guid For(int client, long sequence)
    {
        var share = Pathways.Count / LoadClient.Clients;
        return Pathways[client + LoadClient.Clients * (int)(sequence % share)];
    }
}
