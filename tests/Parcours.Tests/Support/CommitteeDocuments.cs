using Marten;
using Npgsql;
using Parcours.Audit;
using Parcours.Committees;
using Parcours.Identity;

namespace Parcours.Tests.Support;

/// <summary>
/// The end of a sitting for the document tests: attendance recorded, session closed, minutes
/// issued, appended as the sitting's own events (the commands are another slice's).
/// </summary>
public static class CommitteeDocumentScenarios
{
    public static async Task ClosedAsync(this IDocumentStore store, Guid committeeId, Habilitation chair, params (Habilitation Who, bool Present)[] attendance)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = store.LightweightSession();
        // Through FetchForWriting, as the commands do, so the inline view carries the stream's version.
        var stream = await session.Events.FetchForWriting<Committee>(committeeId);
        stream.AppendMany([
            .. attendance.Select(a => new AttendanceRecorded(committeeId, a.Who.Id, a.Who.StructureId, a.Present, chair.Id, now)),
            new SessionClosed(committeeId, chair.Id, now),
            new MinutesIssued(committeeId, 1, chair.Id, now),
        ]);
        await session.SaveChangesAsync();
    }

    /// <summary>The trail's entries for documents, oldest first.</summary>
    public static async Task<IReadOnlyList<(Guid? Worker, string Purpose, string Outcome)>> DocumentTrail(this Alba.IAlbaHost host)
    {
        var dataSource = (NpgsqlDataSource)host.Services.GetService(typeof(NpgsqlDataSource))!;
        await using var command = dataSource.CreateCommand($"select worker_id, purpose, outcome from {AuditSchema.Table} where action = 'committee.document' order by id");
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(Guid?, string, string)>();
        while (await reader.ReadAsync()) entries.Add((reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        return entries;
    }
}
