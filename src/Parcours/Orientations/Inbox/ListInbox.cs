using Marten;
using Microsoft.Extensions.Options;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Orientations.Inbox;

/// <summary>
/// A ticket as the receiving structure reads it. <see cref="Name"/> and <see cref="PathwayId"/>
/// are set only under an orientation consent naming the structure; otherwise <see cref="Code"/> stands in.
/// </summary>
public sealed record InboxLine(
    Guid OrientationId,
    string Code,
    string? Name,
    Guid? PathwayId,
    string Destination,
    Committees.CommitteeKind CommitteeKind,
    DateOnly CommitteeOn,
    DateOnly ProposedOn,
    string AgeBand,
    string TerritoryCode,
    OrientationStatus Status,
    DateOnly? RemindedOn,
    bool Stuck);

public static class OrientationInbox
{
    /// <summary>The access trail's action for a named ticket read by the receiving structure.</summary>
    public const string ReadAction = "orientation.read";

    /// <summary>The pending orientations addressed to the worker's structure, oldest first.</summary>
    public static async Task<IReadOnlyList<InboxLine>> PendingAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, DateOnly today, OrientationOptions options, CancellationToken ct)
    {
        if (!worker.WorksWithPeople) return [];
        var tickets = await session.Query<OrientationTicket>()
            .Where(t => t.ReceivingStructureId == worker.StructureId && t.Status == OrientationStatus.Pending)
            .OrderBy(t => t.ProposedOn)
            .ToListAsync(ct);
        return await LinesAsync(session, vault, trail, worker, tickets.Where(t => OrientationAccess.Receives(worker, t)).ToList(), today, options, ct);
    }

    public static async Task<IReadOnlyList<InboxLine>> LinesAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, IReadOnlyList<OrientationTicket> tickets, DateOnly today, OrientationOptions options, CancellationToken ct)
    {
        if (tickets.Count == 0) return [];
        var files = (await session.LoadManyAsync<PathwayFile>(ct, tickets.Select(t => t.PathwayId).Distinct())).ToDictionary(f => f.Id);
        var identities = await vault.OpenManyAsync(session, tickets.Select(t => t.PersonId).ToList(), ct);
        var lines = new List<InboxLine>();
        foreach (var t in tickets)
        {
            var identity = identities.GetValueOrDefault(t.PersonId);
            var named = files.TryGetValue(t.PathwayId, out var file) && identity is not null
                && OrientationAccess.SeesName(worker, t, file.Sharing, today, PathwayAccess.AdultOn(identity.BirthDate));
            if (named) await trail.RecordAsync(AuditEntry.By(worker, ReadAction, "receiving", AuditOutcome.Allowed, t.PathwayId, t.PersonId), ct);
            lines.Add(new InboxLine(t.Id, t.Code, named ? identity!.DisplayName : null, named ? t.PathwayId : null,
                t.Destination, t.CommitteeKind, t.CommitteeOn, t.ProposedOn, t.AgeBand, t.TerritoryCode, t.Status, t.RemindedOn,
                OrientationAccess.IsStuck(t, today, options)));
        }
        return lines;
    }
}

public static class ListInboxEndpoint
{
    [WolverineGet("/api/orientations/inbox", OperationId = "orientationInbox")]
    public static Task<IReadOnlyList<InboxLine>> Get(CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, IOptions<OrientationOptions> options, CancellationToken ct) =>
        OrientationInbox.PendingAsync(session, vault, trail, worker, time.Today(), options.Value, ct);

    /// <summary>Pending orientations of the worker's structure that were reminded, or wait longer than the reminder delay.</summary>
    [WolverineGet("/api/orientations/stuck", OperationId = "stuckOrientations")]
    public static async Task<IReadOnlyList<InboxLine>> Stuck(CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, IOptions<OrientationOptions> options, CancellationToken ct) =>
        [.. (await OrientationInbox.PendingAsync(session, vault, trail, worker, time.Today(), options.Value, ct)).Where(l => l.Stuck)];
}
