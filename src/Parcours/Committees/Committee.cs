using System.Collections.Immutable;
using Parcours.People.Vault;

namespace Parcours.Committees;

// One committee sitting (« instance ») = one Marten stream: scheduled, members invited, agenda
// built, charter acknowledged, session held, items decided, minutes issued. Events name
// pathways by id only; a decision's rationale is encrypted with the person's key, like any note.

/// <summary>The collective instances of the city contract ("LES INSTANCES PAR THÉMATIQUES").</summary>
public enum CommitteeKind
{
    /// <summary>Comité d'admission mutualisé SAS Coluche + Cité de l'emploi (every two months).</summary>
    MutualisedAdmission,
    /// <summary>SAS Coluche's own committee (the months between two mutualised ones).</summary>
    SasAdmission,
    /// <summary>Cité de l'emploi's own committee for young people (the months between two mutualised ones).</summary>
    CiteAdmission,
    /// <summary>Cité de l'emploi committee for adults over 26 (the month after a mutualised one).</summary>
    CiteAdults,
    /// <summary>PRE multidisciplinary team of one priority neighbourhood (monthly).</summary>
    PreTeam,
}

public enum CommitteeStatus
{
    Scheduled,
    /// <summary>The session is open: the chair records decisions.</summary>
    InSession,
    Closed,
    Cancelled,
}

/// <summary>Why a pathway is on the agenda.</summary>
public enum AgendaReason
{
    /// <summary>Identified, awaiting orientation (admission committees).</summary>
    AwaitingOrientation,
    /// <summary>A new referral to the PRE.</summary>
    NewReferral,
    /// <summary>Not reviewed by the team for the configured number of months.</summary>
    DueForReview,
    /// <summary>Added by a coordinator.</summary>
    AddedByCoordinator,
}

/// <summary>What a committee decided for one item.</summary>
public enum ItemOutcome
{
    /// <summary>Admission committee: orient to a destination; an orientation is opened.</summary>
    Orient,
    /// <summary>Admission committee: postponed to a later sitting, with what is missing.</summary>
    Postpone,
    /// <summary>Admission committee: no action.</summary>
    NoAction,
    /// <summary>PRE team: continue, with an updated action plan.</summary>
    Continue,
    /// <summary>PRE team: close the pathway (with an exit outcome).</summary>
    Close,
    /// <summary>PRE team: refer elsewhere; an orientation is opened.</summary>
    ReferElsewhere,
}

public enum AgendaItemStatus
{
    Listed,
    Withdrawn,
    Decided,
}

/// <summary>An action of the updated plan a PRE team decided (axis and kind).</summary>
public sealed record PlannedActionSpec(string Category, string Kind, DateOnly? DueOn);

public sealed record CommitteeScheduled(
    Guid CommitteeId,
    CommitteeKind Kind,
    string? TerritoryCode,
    DateOnly SittingOn,
    TimeOnly StartsAt,
    string Place,
    IReadOnlyList<Guid> OwnerStructures,
    Guid ScheduledBy,
    DateTimeOffset ScheduledAt);

public sealed record CommitteeRescheduled(Guid CommitteeId, DateOnly SittingOn, TimeOnly StartsAt, string Place, Guid RescheduledBy, DateTimeOffset RescheduledAt);

/// <summary>The reason is an organisational note (never about a person).</summary>
public sealed record CommitteeCancelled(Guid CommitteeId, string Reason, Guid CancelledBy, DateTimeOffset CancelledAt);

/// <summary>Structures (all their committee members) and named people (habilitation ids) invited.</summary>
public sealed record CommitteeMembersInvited(Guid CommitteeId, IReadOnlyList<Guid> Structures, IReadOnlyList<Guid> People, Guid InvitedBy, DateTimeOffset InvitedAt);

public sealed record AgendaItemAdded(Guid CommitteeId, Guid ItemId, Guid PathwayId, AgendaReason Reason, Guid AddedBy, DateTimeOffset AddedAt);

public sealed record AgendaItemWithdrawn(Guid CommitteeId, Guid ItemId, Guid WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>A member's presence at the sitting (by habilitation), recorded by the chair.</summary>
public sealed record AttendanceRecorded(Guid CommitteeId, Guid HabilitationId, Guid StructureId, bool Present, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A member acknowledged the confidentiality charter for this sitting; only then do they see named items.</summary>
public sealed record CharterAcknowledged(Guid CommitteeId, Guid HabilitationId, Guid StructureId, string CharterVersion, DateTimeOffset AcknowledgedAt);

public sealed record SessionOpened(Guid CommitteeId, Guid ChairId, DateTimeOffset OpenedAt);

/// <summary>
/// The decision on one item. <see cref="OrientationId"/> is set when an orientation is opened
/// (Orient, ReferElsewhere); <see cref="ExitOutcome"/> when a PRE team closes the pathway;
/// <see cref="Actions"/> for an updated plan; <see cref="Missing"/> says what a postponed item lacks.
/// </summary>
public sealed record ItemDecided(
    Guid CommitteeId,
    Guid ItemId,
    Guid PathwayId,
    ItemOutcome Outcome,
    string? Destination,
    Guid? ReceivingStructureId,
    Guid? OrientationId,
    string? ExitOutcome,
    IReadOnlyList<PlannedActionSpec> Actions,
    EncryptedText? Rationale,
    EncryptedText? Missing,
    DateOnly DecidedOn,
    Guid DecidedBy,
    DateTimeOffset DecidedAt);

public sealed record SessionClosed(Guid CommitteeId, Guid ClosedBy, DateTimeOffset ClosedAt);

/// <summary>The minutes were issued (a later issue, after a correction, increments the version).</summary>
public sealed record MinutesIssued(Guid CommitteeId, int Version, Guid IssuedBy, DateTimeOffset IssuedAt);

public sealed record AgendaItemState(Guid PathwayId, AgendaItemStatus Status, ItemOutcome? Outcome);

/// <summary>The write model of a sitting: only what decisions need.</summary>
public sealed record Committee(
    Guid Id,
    CommitteeKind Kind,
    string? TerritoryCode,
    DateOnly SittingOn,
    CommitteeStatus Status,
    IReadOnlyList<Guid> OwnerStructures,
    ImmutableHashSet<Guid> InvitedStructures,
    ImmutableHashSet<Guid> InvitedPeople,
    ImmutableDictionary<Guid, AgendaItemState> Items,
    ImmutableHashSet<Guid> CharterAcknowledgedBy,
    Guid? ChairId,
    int MinutesVersion)
{
    public static Committee Create(CommitteeScheduled e) => new(
        e.CommitteeId, e.Kind, e.TerritoryCode, e.SittingOn, CommitteeStatus.Scheduled, e.OwnerStructures,
        [.. e.OwnerStructures], [], ImmutableDictionary<Guid, AgendaItemState>.Empty, [], null, 0);

    public Committee Apply(CommitteeRescheduled e) => this with { SittingOn = e.SittingOn };
    public Committee Apply(CommitteeCancelled _) => this with { Status = CommitteeStatus.Cancelled };
    public Committee Apply(CommitteeMembersInvited e) => this with
    {
        InvitedStructures = InvitedStructures.Union(e.Structures), InvitedPeople = InvitedPeople.Union(e.People),
    };
    public Committee Apply(AgendaItemAdded e) => this with { Items = Items.SetItem(e.ItemId, new AgendaItemState(e.PathwayId, AgendaItemStatus.Listed, null)) };
    public Committee Apply(AgendaItemWithdrawn e) => WithItem(e.ItemId, item => item with { Status = AgendaItemStatus.Withdrawn });
    public Committee Apply(AttendanceRecorded _) => this;
    public Committee Apply(CharterAcknowledged e) => this with { CharterAcknowledgedBy = CharterAcknowledgedBy.Add(e.HabilitationId) };
    public Committee Apply(SessionOpened e) => this with { Status = CommitteeStatus.InSession, ChairId = e.ChairId };
    public Committee Apply(ItemDecided e) => WithItem(e.ItemId, item => item with { Status = AgendaItemStatus.Decided, Outcome = e.Outcome });
    public Committee Apply(SessionClosed _) => this with { Status = CommitteeStatus.Closed };
    public Committee Apply(MinutesIssued e) => this with { MinutesVersion = e.Version };

    private Committee WithItem(Guid itemId, Func<AgendaItemState, AgendaItemState> change) =>
        Items.TryGetValue(itemId, out var item) ? this with { Items = Items.SetItem(itemId, change(item)) } : this;

    public bool IsAdmission => Kind != CommitteeKind.PreTeam;

    /// <summary>The pathways on the agenda now (listed or decided, not withdrawn).</summary>
    public IEnumerable<Guid> ListedPathways => Items.Values.Where(i => i.Status != AgendaItemStatus.Withdrawn).Select(i => i.PathwayId);
}
