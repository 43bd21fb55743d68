using Marten;
using Npgsql;
using Parcours.Committees;
using Parcours.Committees.Reading;
using Parcours.Orientations.Inbox;
using Parcours.Pathways.Reading;
using Parcours.People;

namespace Parcours.Privacy.Erasing;

/// <summary>
/// Where a person's data lives outside the vault: their person stream, their pathway streams,
/// the committee items about those pathways, the documents keyed by them, the read models built
/// from those streams, and Wolverine's envelopes. The erasure steps, one method each.
/// </summary>
public sealed record PersonTraces(Guid PersonId, IReadOnlyList<Guid> Pathways, IReadOnlyList<string> Programmes, IReadOnlyList<Guid> Committees)
{
    public static async Task<PersonTraces> FindAsync(IQuerySession session, Guid personId, CancellationToken ct)
    {
        var files = await session.Query<PathwayFile>().Where(f => f.PersonId == personId).ToListAsync(ct);
        var pathwayIds = files.Select(f => f.Id).ToArray();
        var items = pathwayIds.Length == 0 ? [] : await session.Events.QueryRawEventDataOnly<AgendaItemAdded>().Where(e => pathwayIds.Contains(e.PathwayId)).ToListAsync(ct);
        return new PersonTraces(personId, pathwayIds, files.Select(f => f.Programme).Distinct().ToList(), items.Select(i => i.CommitteeId).Distinct().ToList());
    }

    /// <summary>Applies the masking rule (<see cref="EventMasking"/>) to the person's streams and to the committee decisions about their pathways only.</summary>
    public Task MaskEventsAsync(IDocumentStore store, CancellationToken ct) =>
        store.Advanced.ApplyEventDataMasking(masking =>
        {
            masking.IncludeStream(PersonId);
            foreach (var pathway in Pathways) masking.IncludeStream(pathway);
            var pathways = Pathways.ToHashSet();
            foreach (var committee in Committees) masking.IncludeStream(committee, e => e.Data is ItemDecided d && pathways.Contains(d.PathwayId));
        }, ct);

    /// <summary>
    /// Queues the deletion of every document keyed by the person (vault key, sealed identity, search
    /// index, anything added later), except their person view, which the stream keeps anonymous.
    /// Orientation tickets lose their refusal note, access requests the requester's name.
    /// </summary>
    public async Task RemoveDocumentsAsync(IDocumentSession session, IDocumentStore store, CancellationToken ct)
    {
        // Aggregates fetched live (never stored) are known types without a table.
        var tables = (await session.QueryAsync<string>("select table_schema || '.' || table_name from information_schema.tables", ct)).ToHashSet();
        foreach (var mapping in store.Options.AllKnownDocumentTypes().Where(m => m.IdType == typeof(Guid) && m.DocumentType != typeof(Person) && m.DocumentType != typeof(ErasureLogEntry)))
        {
            if (tables.Contains(mapping.TableName.QualifiedName)) session.QueueSqlCommand($"delete from {mapping.TableName.QualifiedName} where id = ?", PersonId);
        }
        foreach (var ticket in await session.Query<OrientationTicket>().Where(t => t.PersonId == PersonId).ToListAsync(ct))
        {
            ticket.RefusalNote = null;
            session.Store(ticket);
        }
        foreach (var request in await session.Query<AccessRequests.AccessRequest>().Where(r => r.PersonId == PersonId).ToListAsync(ct))
        {
            request.RequestedBy = null;
            session.Store(request);
        }
    }

    /// <summary>Rebuilds the inline views of the masked streams from their (now masked) events.</summary>
    public async Task RebuildViewsAsync(IDocumentStore store, CancellationToken ct)
    {
        foreach (var pathway in Pathways) await store.Advanced.RebuildSingleStreamAsync<PathwayFile>(pathway, ct);
        foreach (var committee in Committees) await store.Advanced.RebuildSingleStreamAsync<CommitteeView>(committee, ct);
    }

    /// <summary>Deletes Wolverine's stored envelopes (incoming, outgoing, dead letters) whose body names the person, a pathway of theirs, or holds one of the needles.</summary>
    public async Task<int> ScrubEnvelopesAsync(NpgsqlConnection connection, ErasureNeedles needles, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.columns " +
            "where table_name like 'wolverine%' and column_name = 'body' and data_type = 'bytea'", connection))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }

        var marks = new[] { PersonId }.Concat(Pathways).Select(id => id.ToString()).Concat(needles.Spellings()).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var scrubbed = 0;
        foreach (var table in tables)
        {
            await using var delete = new NpgsqlCommand(
                $"delete from {table} where " + string.Join(" or ", marks.Select((_, i) => $"position(@m{i} in body) > 0")), connection);
            for (var i = 0; i < marks.Length; i++) delete.Parameters.AddWithValue($"m{i}", marks[i]);
            scrubbed += await delete.ExecuteNonQueryAsync(ct);
        }
        return scrubbed;
    }
}
