using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Parcours.Committees;
using Parcours.Committees.Reading;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;

namespace Parcours.Orientations.Inbox;

/// <summary>
/// An orientation a committee opened towards a receiving structure, as its inbox, the stuck list
/// and the committee's returns read it. Keyed by the orientation id; categorical facts only
/// (the name is looked up on reading, under <see cref="OrientationAccess"/>).
/// </summary>
public sealed class OrientationTicket
{
    public Guid Id { get; set; }
    public Guid PathwayId { get; set; }
    public Guid PersonId { get; set; }
    public string Programme { get; set; } = "";
    public Guid ReferentStructureId { get; set; }
    public string Destination { get; set; } = "";
    public Guid ReceivingStructureId { get; set; }
    public Guid CommitteeId { get; set; }
    public CommitteeKind CommitteeKind { get; set; }
    public DateOnly CommitteeOn { get; set; }
    /// <summary>The structures convening the sitting: their coordinators read the refusals.</summary>
    public List<Guid> CommitteeOwners { get; set; } = [];
    public DateOnly ProposedOn { get; set; }
    public string AgeBand { get; set; } = "";
    public string TerritoryCode { get; set; } = "";
    public OrientationStatus Status { get; set; }
    public DateOnly? RemindedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The worker (habilitation) of the receiving structure who takes the person.</summary>
    public Guid? TakenBy { get; set; }
    public string? RefusalReason { get; set; }
    public EncryptedText? RefusalNote { get; set; }

    /// <summary>What an anonymised ticket shows instead of a name or a pathway id.</summary>
    public string Code => $"OR-{Id.ToString("N")[^6..].ToUpperInvariant()}";
}

public sealed partial class OrientationTicketProjection : EventProjection
{
    public async Task Project(IEvent<OrientationProposed> @event, IDocumentOperations ops)
    {
        var e = @event.Data;
        if (e.ReceivingStructureId is not { } receiving || e.CommitteeId is not { } committeeId) return;
        var file = await ops.LoadAsync<PathwayFile>(e.PathwayId);
        if (file is null || PathwayAccess.IsSealed(file.Programme)) return;
        var committee = await ops.LoadAsync<CommitteeView>(committeeId);
        ops.Store(new OrientationTicket
        {
            Id = e.OrientationId, PathwayId = e.PathwayId, PersonId = file.PersonId, Programme = file.Programme,
            ReferentStructureId = file.ReferentStructureId, Destination = e.Destination, ReceivingStructureId = receiving,
            CommitteeId = committeeId, CommitteeKind = committee?.Kind ?? default, CommitteeOn = committee?.SittingOn ?? e.ProposedOn,
            CommitteeOwners = committee?.OwnerStructures ?? [], ProposedOn = e.ProposedOn, AgeBand = file.AgeBand,
            TerritoryCode = file.TerritoryCode, Status = OrientationStatus.Pending,
        });
    }

    public Task Project(IEvent<OrientationAccepted> @event, IDocumentOperations ops) =>
        Change(ops, @event.Data.OrientationId, t => { t.Status = OrientationStatus.Accepted; t.ClosedOn = @event.Data.AcceptedOn; t.TakenBy = @event.Data.TakenBy; });

    public Task Project(IEvent<OrientationRefused> @event, IDocumentOperations ops) =>
        Change(ops, @event.Data.OrientationId, t =>
        {
            t.Status = OrientationStatus.Refused;
            t.ClosedOn = @event.Data.RefusedOn;
            t.RefusalReason = @event.Data.ReasonCode;
            t.RefusalNote = @event.Data.Note;
        });

    public Task Project(IEvent<OrientationReminded> @event, IDocumentOperations ops) =>
        Change(ops, @event.Data.OrientationId, t => t.RemindedOn = @event.Data.RemindedOn);

    public Task Project(IEvent<OrientationExpired> @event, IDocumentOperations ops) =>
        Change(ops, @event.Data.OrientationId, t => { t.Status = OrientationStatus.Expired; t.ClosedOn = @event.Data.ExpiredOn; });

    private static async Task Change(IDocumentOperations ops, Guid orientationId, Action<OrientationTicket> change)
    {
        if (await ops.LoadAsync<OrientationTicket>(orientationId) is not { } ticket) return;
        change(ticket);
        ops.Store(ticket);
    }
}
