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

/// <summary>
/// An orientation towards a destination. When a committee opens it, <see cref="CommitteeId"/>
/// names the sitting and <see cref="ReceivingStructureId"/> the structure that must answer.
/// </summary>
public sealed record OrientationProposed(
    Guid PathwayId,
    Guid OrientationId,
    string Destination,
    DateOnly ProposedOn,
    EncryptedText? Note,
    Guid ProposedBy,
    DateTimeOffset ProposedAt,
    Guid? ReceivingStructureId = null,
    Guid? CommitteeId = null);

/// <summary>An orientation was accepted; when the receiving structure answers, <see cref="TakenBy"/> names the worker (habilitation) who takes the person.</summary>
public sealed record OrientationAccepted(Guid PathwayId, Guid OrientationId, DateOnly AcceptedOn, Guid AcceptedBy, DateTimeOffset AcceptedAt, Guid? TakenBy = null);

public sealed record OrientationRefused(Guid PathwayId, Guid OrientationId, DateOnly RefusedOn, string ReasonCode, EncryptedText? Note, Guid RefusedBy, DateTimeOffset RefusedAt);

/// <summary>The receiving structure had not answered the orientation after the reminder delay (a system event).</summary>
public sealed record OrientationReminded(Guid PathwayId, Guid OrientationId, DateOnly RemindedOn, DateTimeOffset RemindedAt);

/// <summary>The orientation lapsed unanswered after the expiry delay (a system event); it can no longer be answered.</summary>
public sealed record OrientationExpired(Guid PathwayId, Guid OrientationId, DateOnly ExpiredOn, DateTimeOffset ExpiredAt);

/// <summary>A committee or team decided about this pathway (the decision's rationale is encrypted with the person's key).</summary>
public sealed record CommitteeDecisionRecorded(
    Guid PathwayId,
    Guid CommitteeId,
    Guid ItemId,
    Committees.CommitteeKind Kind,
    Committees.ItemOutcome Outcome,
    string? Destination,
    EncryptedText? Rationale,
    DateOnly DecidedOn,
    Guid DecidedBy,
    DateTimeOffset DecidedAt);

public sealed record PathwaySuspended(Guid PathwayId, DateOnly SuspendedOn, string ReasonCode, EncryptedText? Note, Guid SuspendedBy, DateTimeOffset SuspendedAt);

public sealed record PathwayResumed(Guid PathwayId, DateOnly ResumedOn, Guid ResumedBy, DateTimeOffset ResumedAt);

public sealed record PathwayExited(Guid PathwayId, DateOnly ExitedOn, string Outcome, EncryptedText? Note, Guid ExitedBy, DateTimeOffset ExitedAt);

public sealed record PathwayReopened(Guid PathwayId, DateOnly ReopenedOn, EncryptedText? Reason, Guid ReopenedBy, DateTimeOffset ReopenedAt);

/// <summary>
/// The retention policy moved the pathway to the restricted archive: no contact for the programme's
/// active period since <see cref="LastContactOn"/> (a system event). Readable only by the programme
/// coordinator of the referent structure and the data-protection officer; every command is refused.
/// </summary>
public sealed record PathwayArchived(Guid PathwayId, DateOnly ArchivedOn, DateOnly LastContactOn, DateTimeOffset ArchivedAt);

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

public enum OrientationStatus
{
    Pending,
    Accepted,
    Refused,
    /// <summary>Lapsed unanswered.</summary>
    Expired,
}

/// <summary>What decisions need of an action: where it stands and since when it exists.</summary>
public sealed record ActionState(ActionStatus Status, DateOnly PlannedOn);

/// <summary>What decisions need of an orientation: its answer, if any, when it was proposed, and whether the receiving structure was reminded.</summary>
public sealed record OrientationState(OrientationStatus Status, DateOnly ProposedOn, bool Reminded = false);

/// <summary>
/// The write model: only what the decisions need. <see cref="StatusSince"/> is the date of the
/// last status change (a later one cannot precede it); <see cref="LastDate"/> is the latest date
/// of any event and never moves back, even when an event is typed with an earlier date.
/// </summary>
public sealed record Pathway(
    Guid Id,
    Guid PersonId,
    string Programme,
    PathwayStatus Status,
    DateOnly StatusSince,
    DateOnly ReferredOn,
    DateOnly LastDate,
    Guid ReferentStructureId,
    Guid? ReferentWorkerId,
    ImmutableDictionary<Guid, ActionState> Actions,
    ImmutableDictionary<Guid, OrientationState> Orientations,
    CaseSharing Sharing,
    bool Archived = false)
{
    public static Pathway Create(PathwayReferred e) => new(
        e.PathwayId, e.PersonId, e.Programme, PathwayStatus.Referred, e.ReferredOn, e.ReferredOn, e.ReferredOn,
        e.ReferentStructureId, null, ImmutableDictionary<Guid, ActionState>.Empty, ImmutableDictionary<Guid, OrientationState>.Empty, CaseSharing.None);

    public Pathway Apply(ReferralAccepted e) => Became(PathwayStatus.Accepted, e.AcceptedOn);
    public Pathway Apply(ReferralDeclined e) => Became(PathwayStatus.Declined, e.DeclinedOn);
    public Pathway Apply(AccompanimentStarted e) => Became(PathwayStatus.Active, e.StartedOn) with { ReferentWorkerId = e.ReferentWorkerId };
    public Pathway Apply(ActionPlanned e) => this with { Actions = Actions.SetItem(e.ActionId, new ActionState(ActionStatus.Planned, e.PlannedOn)), LastDate = Latest(e.PlannedOn) };
    public Pathway Apply(ActionCompleted e) => this with { Actions = SetAction(e.ActionId, ActionStatus.Completed), LastDate = Latest(e.CompletedOn) };
    public Pathway Apply(ActionCancelled e) => this with { Actions = SetAction(e.ActionId, ActionStatus.Cancelled), LastDate = Latest(e.CancelledOn) };
    public Pathway Apply(ReviewRecorded e) => this with { LastDate = Latest(e.ReviewedOn) };
    public Pathway Apply(OrientationProposed e) => this with
    {
        Orientations = Orientations.SetItem(e.OrientationId, new OrientationState(OrientationStatus.Pending, e.ProposedOn)), LastDate = Latest(e.ProposedOn),
    };
    public Pathway Apply(OrientationAccepted e) => this with { Orientations = SetOrientation(e.OrientationId, OrientationStatus.Accepted), LastDate = Latest(e.AcceptedOn) };
    public Pathway Apply(OrientationRefused e) => this with { Orientations = SetOrientation(e.OrientationId, OrientationStatus.Refused), LastDate = Latest(e.RefusedOn) };
    public Pathway Apply(OrientationReminded e) => this with
    {
        Orientations = Orientations.TryGetValue(e.OrientationId, out var o) ? Orientations.SetItem(e.OrientationId, o with { Reminded = true }) : Orientations,
    };
    public Pathway Apply(OrientationExpired e) => this with { Orientations = SetOrientation(e.OrientationId, OrientationStatus.Expired) };
    public Pathway Apply(CommitteeDecisionRecorded e) => this with { LastDate = Latest(e.DecidedOn) };
    public Pathway Apply(PathwaySuspended e) => Became(PathwayStatus.Suspended, e.SuspendedOn);
    public Pathway Apply(PathwayResumed e) => Became(PathwayStatus.Active, e.ResumedOn);
    public Pathway Apply(PathwayExited e) => Became(PathwayStatus.Exited, e.ExitedOn);
    public Pathway Apply(PathwayReopened e) => Became(PathwayStatus.Active, e.ReopenedOn);
    public Pathway Apply(PathwayArchived e) => this with { Archived = true };
    public Pathway Apply(ConsentRecorded e) => this with { Sharing = Sharing.Apply(e) };
    public Pathway Apply(ConsentWithdrawn e) => this with { Sharing = Sharing.Apply(e) };
    public Pathway Apply(TeamMemberAdded e) => this with { Sharing = Sharing.Apply(e) };
    public Pathway Apply(TeamMemberRemoved e) => this with { Sharing = Sharing.Apply(e) };
    public Pathway Apply(ParentsInformed e) => this with { Sharing = Sharing.Apply(e) };
    public Pathway Apply(SharingExceptionJustified e) => this with { Sharing = Sharing.Apply(e) };
    public Pathway Apply(PathwayRestricted e) => this with { Restricted = true };
    public Pathway Apply(PathwayRestrictionLifted e) => this with { Restricted = false };

    /// <summary>Under a limitation of processing (RGPD art. 18): every command but lifting it or erasing is refused.</summary>
    public bool Restricted { get; init; }

    private Pathway Became(PathwayStatus status, DateOnly on) => this with { Status = status, StatusSince = on, LastDate = Latest(on) };

    private DateOnly Latest(DateOnly date) => date > LastDate ? date : LastDate;

    private ImmutableDictionary<Guid, ActionState> SetAction(Guid actionId, ActionStatus status) =>
        Actions.TryGetValue(actionId, out var action) ? Actions.SetItem(actionId, action with { Status = status }) : Actions;

    private ImmutableDictionary<Guid, OrientationState> SetOrientation(Guid orientationId, OrientationStatus status) =>
        Orientations.TryGetValue(orientationId, out var orientation) ? Orientations.SetItem(orientationId, orientation with { Status = status }) : Orientations;

    public bool IsClosed => Status is PathwayStatus.Exited or PathwayStatus.Declined;

    public bool IsSealed => PathwayAccess.IsSealed(Programme);
}

/// <summary>The data-protection officer limits the processing of this pathway (RGPD art. 18): it keeps its data but changes no more.</summary>
public sealed record PathwayRestricted(Guid PathwayId, string Reason, DateOnly RestrictedOn, Guid RestrictedBy, DateTimeOffset RestrictedAt);

/// <summary>The officer lifts the limitation: the pathway takes commands again.</summary>
public sealed record PathwayRestrictionLifted(Guid PathwayId, DateOnly LiftedOn, Guid LiftedBy, DateTimeOffset LiftedAt);
