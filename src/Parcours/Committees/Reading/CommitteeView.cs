using JasperFx.Events;
using Marten.Events.Aggregation;
using Parcours.People.Vault;

namespace Parcours.Committees.Reading;

/// <summary>
/// A sitting as pages, documents and the calendar read it, kept inline with each append. It holds
/// pathway ids and encrypted text only: the dossiers (names, summaries) are built on reading,
/// under <see cref="CommitteeAccess"/>.
/// </summary>
public sealed class CommitteeView
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public CommitteeKind Kind { get; set; }
    public string? TerritoryCode { get; set; }
    public DateOnly SittingOn { get; set; }
    public TimeOnly StartsAt { get; set; }
    public string Place { get; set; } = "";
    public CommitteeStatus Status { get; set; }
    public string? CancellationReason { get; set; }
    public List<Guid> OwnerStructures { get; set; } = [];
    public List<Guid> InvitedStructures { get; set; } = [];
    public List<Guid> InvitedPeople { get; set; } = [];
    public List<AgendaItemLine> Items { get; set; } = [];
    public List<AttendanceLine> Attendance { get; set; } = [];
    public List<CharterLine> Charter { get; set; } = [];
    public Guid? ChairId { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int MinutesVersion { get; set; }
    public DateTimeOffset? MinutesIssuedAt { get; set; }

    public bool HasAcknowledged(Guid habilitationId) => Charter.Any(c => c.HabilitationId == habilitationId);

    /// <summary>Items still on the agenda (not withdrawn), in the order they were added.</summary>
    public IEnumerable<AgendaItemLine> Agenda => Items.Where(i => i.Status != AgendaItemStatus.Withdrawn);
}

public sealed class AgendaItemLine
{
    public Guid ItemId { get; set; }
    public Guid PathwayId { get; set; }
    public AgendaReason Reason { get; set; }
    public AgendaItemStatus Status { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public ItemOutcome? Outcome { get; set; }
    public string? Destination { get; set; }
    public Guid? ReceivingStructureId { get; set; }
    public Guid? OrientationId { get; set; }
    public string? ExitOutcome { get; set; }
    public List<PlannedActionSpec> Actions { get; set; } = [];
    public EncryptedText? Rationale { get; set; }
    public EncryptedText? Missing { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public Guid? DecidedBy { get; set; }
}

public sealed record AttendanceLine(Guid HabilitationId, Guid StructureId, bool Present);

public sealed record CharterLine(Guid HabilitationId, Guid StructureId, string CharterVersion, DateTimeOffset AcknowledgedAt);

public sealed partial class CommitteeViewProjection : SingleStreamProjection<CommitteeView, Guid>
{
    public static CommitteeView Create(IEvent<CommitteeScheduled> @event)
    {
        var e = @event.Data;
        return new CommitteeView
        {
            Id = e.CommitteeId,
            Version = @event.Version,
            Kind = e.Kind,
            TerritoryCode = e.TerritoryCode,
            SittingOn = e.SittingOn,
            StartsAt = e.StartsAt,
            Place = e.Place,
            Status = CommitteeStatus.Scheduled,
            OwnerStructures = [.. e.OwnerStructures],
            InvitedStructures = [.. e.OwnerStructures],
        };
    }

    public static CommitteeView Apply(IEvent<CommitteeRescheduled> @event, CommitteeView view) =>
        Versioned(@event, view, v => { v.SittingOn = @event.Data.SittingOn; v.StartsAt = @event.Data.StartsAt; v.Place = @event.Data.Place; });

    public static CommitteeView Apply(IEvent<CommitteeCancelled> @event, CommitteeView view) =>
        Versioned(@event, view, v => { v.Status = CommitteeStatus.Cancelled; v.CancellationReason = @event.Data.Reason; });

    public static CommitteeView Apply(IEvent<CommitteeMembersInvited> @event, CommitteeView view) =>
        Versioned(@event, view, v =>
        {
            v.InvitedStructures = [.. v.InvitedStructures.Union(@event.Data.Structures)];
            v.InvitedPeople = [.. v.InvitedPeople.Union(@event.Data.People)];
        });

    public static CommitteeView Apply(IEvent<AgendaItemAdded> @event, CommitteeView view) =>
        Versioned(@event, view, v => v.Items.Add(new AgendaItemLine
        {
            ItemId = @event.Data.ItemId, PathwayId = @event.Data.PathwayId, Reason = @event.Data.Reason,
            Status = AgendaItemStatus.Listed, AddedAt = @event.Data.AddedAt,
        }));

    public static CommitteeView Apply(IEvent<AgendaItemWithdrawn> @event, CommitteeView view) =>
        Versioned(@event, view, v => Item(v, @event.Data.ItemId, i => i.Status = AgendaItemStatus.Withdrawn));

    public static CommitteeView Apply(IEvent<AttendanceRecorded> @event, CommitteeView view) =>
        Versioned(@event, view, v =>
        {
            var e = @event.Data;
            v.Attendance = [.. v.Attendance.Where(a => a.HabilitationId != e.HabilitationId), new AttendanceLine(e.HabilitationId, e.StructureId, e.Present)];
        });

    public static CommitteeView Apply(IEvent<CharterAcknowledged> @event, CommitteeView view) =>
        Versioned(@event, view, v =>
        {
            var e = @event.Data;
            v.Charter.Add(new CharterLine(e.HabilitationId, e.StructureId, e.CharterVersion, e.AcknowledgedAt));
        });

    public static CommitteeView Apply(IEvent<SessionOpened> @event, CommitteeView view) =>
        Versioned(@event, view, v => { v.Status = CommitteeStatus.InSession; v.ChairId = @event.Data.ChairId; v.OpenedAt = @event.Data.OpenedAt; });

    public static CommitteeView Apply(IEvent<ItemDecided> @event, CommitteeView view) =>
        Versioned(@event, view, v => Item(v, @event.Data.ItemId, i =>
        {
            var e = @event.Data;
            i.Status = AgendaItemStatus.Decided;
            i.Outcome = e.Outcome;
            i.Destination = e.Destination;
            i.ReceivingStructureId = e.ReceivingStructureId;
            i.OrientationId = e.OrientationId;
            i.ExitOutcome = e.ExitOutcome;
            i.Actions = [.. e.Actions];
            i.Rationale = e.Rationale;
            i.Missing = e.Missing;
            i.DecidedOn = e.DecidedOn;
            i.DecidedBy = e.DecidedBy;
        }));

    public static CommitteeView Apply(IEvent<SessionClosed> @event, CommitteeView view) =>
        Versioned(@event, view, v => { v.Status = CommitteeStatus.Closed; v.ClosedAt = @event.Data.ClosedAt; });

    public static CommitteeView Apply(IEvent<MinutesIssued> @event, CommitteeView view) =>
        Versioned(@event, view, v => { v.MinutesVersion = @event.Data.Version; v.MinutesIssuedAt = @event.Data.IssuedAt; });

    private static CommitteeView Versioned(IEvent @event, CommitteeView view, Action<CommitteeView> change)
    {
        change(view);
        view.Version = @event.Version;
        return view;
    }

    private static void Item(CommitteeView view, Guid itemId, Action<AgendaItemLine> change)
    {
        if (view.Items.FirstOrDefault(i => i.ItemId == itemId) is { } item) change(item);
    }
}
