using Marten;
using Parcours.Identity;
using Parcours.Orientations.Inbox;
using Parcours.Pathways;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine.Http;

namespace Parcours.Orientations.Returns;

/// <summary>
/// A refused orientation as the committee's coordinators read it: the reason, the sitting and
/// the receiving structure. The free text and the name are shown only when the coordinator's
/// structure follows the pathway (it knows the person); otherwise the ticket's code stands in.
/// </summary>
public sealed record ReturnLine(
    Guid OrientationId,
    string Code,
    string? Name,
    Guid CommitteeId,
    Committees.CommitteeKind CommitteeKind,
    DateOnly CommitteeOn,
    string Destination,
    Guid ReceivingStructureId,
    string ReceivingStructure,
    DateOnly? RefusedOn,
    string ReasonCode,
    string Reason,
    string? Note);

public static class ListReturnsEndpoint
{
    [WolverineGet("/api/orientations/returns", OperationId = "orientationReturns")]
    public static async Task<IReadOnlyList<ReturnLine>> Get(CurrentWorker worker, IQuerySession session, PersonVault vault, CancellationToken ct)
    {
        if (!worker.Has(Role.ProgrammeCoordinator)) return [];
        var structureId = worker.StructureId;
        var tickets = (await session.Query<OrientationTicket>()
                .Where(t => t.Status == OrientationStatus.Refused && t.CommitteeOwners.Contains(structureId))
                .OrderByDescending(t => t.ClosedOn)
                .ToListAsync(ct))
            .Where(t => OrientationAccess.ReadsReturn(worker, t))
            .ToList();
        if (tickets.Count == 0) return [];

        var reasons = (await session.Query<CodeListItem>().Where(c => c.List == CodeLists.OrientationRefusalReason).ToListAsync(ct)).ToDictionary(c => c.Code, c => c.Label);
        var structures = (await session.Query<Structure>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        var own = tickets.Where(t => t.ReferentStructureId == structureId).Select(t => t.PersonId).ToList();
        var identities = await vault.OpenManyAsync(session, own, ct);
        var keys = (await session.LoadManyAsync<PersonKey>(ct, own.Distinct())).ToDictionary(k => k.Id);
        return [.. tickets.Select(t =>
        {
            var follows = t.ReferentStructureId == structureId;
            return new ReturnLine(t.Id, t.Code, follows ? identities.GetValueOrDefault(t.PersonId)?.DisplayName : null, t.CommitteeId, t.CommitteeKind, t.CommitteeOn,
                t.Destination, t.ReceivingStructureId, structures.GetValueOrDefault(t.ReceivingStructureId, "—"), t.ClosedOn,
                t.RefusalReason ?? "", reasons.GetValueOrDefault(t.RefusalReason ?? "", t.RefusalReason ?? ""),
                follows ? vault.Decrypt(keys.GetValueOrDefault(t.PersonId), t.RefusalNote) : null);
        })];
    }
}
