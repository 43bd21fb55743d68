using System.Collections.Immutable;
using Parcours.Kernel;
using Parcours.People.Vault;

namespace Parcours.Pathways;

// One pathway = one person's follow-up in one programme = one Marten stream. Events carry the
// person id and categorical facts only; free text is encrypted with the person's data key.

public sealed record PathwayReferred(
    Guid PathwayId,
    Guid PersonId,
    string Programme,
    string? Track,
    DateOnly ReferredOn,
    string ReferralSource,
    Guid? ReferringStructureId,
    string TerritoryCode,
    Guid ReferentStructureId,
    Sex Sex,
    string AgeBand,
    EncryptedText? Reason,
    Guid ReferredBy,
    DateTimeOffset ReferredAt);

public sealed record ReferralAccepted(Guid PathwayId, DateOnly AcceptedOn, Guid AcceptedBy, DateTimeOffset AcceptedAt);

public sealed record ReferralDeclined(Guid PathwayId, DateOnly DeclinedOn, string ReasonCode, EncryptedText? Note, Guid DeclinedBy, DateTimeOffset DeclinedAt);

public sealed record AccompanimentStarted(Guid PathwayId, DateOnly StartedOn, Guid ReferentWorkerId, Guid StartedBy, DateTimeOffset StartedAt);

public sealed record ActionPlanned(
    Guid PathwayId,
    Guid ActionId,
    string Category,
    string Kind,
    DateOnly PlannedOn,
    DateOnly? DueOn,
    EncryptedText? Note,
    Guid PlannedBy,
    DateTimeOffset PlannedAt);

public sealed record ActionCompleted(Guid PathwayId, Guid ActionId, DateOnly CompletedOn, EncryptedText? Note, Guid CompletedBy, DateTimeOffset CompletedAt);

public sealed record ActionCancelled(Guid PathwayId, Guid ActionId, DateOnly CancelledOn, Guid CancelledBy, DateTimeOffset CancelledAt);

public sealed record ReviewRecorded(Guid PathwayId, Guid ReviewId, DateOnly ReviewedOn, EncryptedText Summary, Guid ReviewedBy, DateTimeOffset ReviewedAt);

public sealed record OrientationProposed(Guid PathwayId, Guid OrientationId, string Destination, DateOnly ProposedOn, EncryptedText? Note, Guid ProposedBy, DateTimeOffset ProposedAt);

public sealed record OrientationAccepted(Guid PathwayId, Guid OrientationId, DateOnly AcceptedOn, Guid AcceptedBy, DateTimeOffset AcceptedAt);

public sealed record OrientationRefused(Guid PathwayId, Guid OrientationId, DateOnly RefusedOn, string ReasonCode, EncryptedText? Note, Guid RefusedBy, DateTimeOffset RefusedAt);

public sealed record PathwaySuspended(Guid PathwayId, DateOnly SuspendedOn, string ReasonCode, EncryptedText? Note, Guid SuspendedBy, DateTimeOffset SuspendedAt);

public sealed record PathwayResumed(Guid PathwayId, DateOnly ResumedOn, Guid ResumedBy, DateTimeOffset ResumedAt);

public sealed record PathwayExited(Guid PathwayId, DateOnly ExitedOn, string Outcome, EncryptedText? Note, Guid ExitedBy, DateTimeOffset ExitedAt);

public sealed record PathwayReopened(Guid PathwayId, DateOnly ReopenedOn, EncryptedText? Reason, Guid ReopenedBy, DateTimeOffset ReopenedAt);

public enum PathwayStatus
{
    /// <summary>Referred, awaiting the programme's answer.</summary>
    Referred,
    /// <summary>Referral accepted, accompaniment not started yet.</summary>
    Accepted,
    /// <summary>Referral declined by the programme (closed).</summary>
    Declined,
    Active,
    Suspended,
    Exited,
}

public enum ActionStatus
{
    Planned,
    Completed,
    Cancelled,
}

/// <summary>The write model: only what the decisions need.</summary>
public sealed record Pathway(
    Guid Id,
    Guid PersonId,
    string Programme,
    PathwayStatus Status,
    DateOnly ReferredOn,
    DateOnly LastDate,
    Guid ReferentStructureId,
    Guid? ReferentWorkerId,
    ImmutableDictionary<Guid, ActionStatus> Actions,
    ImmutableHashSet<Guid> PendingOrientations)
{
    public static Pathway Create(PathwayReferred e) => new(
        e.PathwayId, e.PersonId, e.Programme, PathwayStatus.Referred, e.ReferredOn, e.ReferredOn,
        e.ReferentStructureId, null, ImmutableDictionary<Guid, ActionStatus>.Empty, []);

    public Pathway Apply(ReferralAccepted e) => this with { Status = PathwayStatus.Accepted, LastDate = e.AcceptedOn };
    public Pathway Apply(ReferralDeclined e) => this with { Status = PathwayStatus.Declined, LastDate = e.DeclinedOn };
    public Pathway Apply(AccompanimentStarted e) => this with { Status = PathwayStatus.Active, ReferentWorkerId = e.ReferentWorkerId, LastDate = e.StartedOn };
    public Pathway Apply(ActionPlanned e) => this with { Actions = Actions.SetItem(e.ActionId, ActionStatus.Planned), LastDate = Latest(e.PlannedOn) };
    public Pathway Apply(ActionCompleted e) => this with { Actions = Actions.SetItem(e.ActionId, ActionStatus.Completed), LastDate = Latest(e.CompletedOn) };
    public Pathway Apply(ActionCancelled e) => this with { Actions = Actions.SetItem(e.ActionId, ActionStatus.Cancelled), LastDate = Latest(e.CancelledOn) };
    public Pathway Apply(ReviewRecorded e) => this with { LastDate = Latest(e.ReviewedOn) };
    public Pathway Apply(OrientationProposed e) => this with { PendingOrientations = PendingOrientations.Add(e.OrientationId), LastDate = Latest(e.ProposedOn) };
    public Pathway Apply(OrientationAccepted e) => this with { PendingOrientations = PendingOrientations.Remove(e.OrientationId), LastDate = Latest(e.AcceptedOn) };
    public Pathway Apply(OrientationRefused e) => this with { PendingOrientations = PendingOrientations.Remove(e.OrientationId), LastDate = Latest(e.RefusedOn) };
    public Pathway Apply(PathwaySuspended e) => this with { Status = PathwayStatus.Suspended, LastDate = e.SuspendedOn };
    public Pathway Apply(PathwayResumed e) => this with { Status = PathwayStatus.Active, LastDate = e.ResumedOn };
    public Pathway Apply(PathwayExited e) => this with { Status = PathwayStatus.Exited, LastDate = e.ExitedOn };
    public Pathway Apply(PathwayReopened e) => this with { Status = PathwayStatus.Active, LastDate = e.ReopenedOn };

    private DateOnly Latest(DateOnly date) => date > LastDate ? date : LastDate;

    public bool IsClosed => Status is PathwayStatus.Exited or PathwayStatus.Declined;
}
