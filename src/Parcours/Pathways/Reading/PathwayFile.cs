using JasperFx.Events;
using Marten.Events.Aggregation;
using Parcours.Kernel;
using Parcours.People.Vault;

namespace Parcours.Pathways.Reading;

/// <summary>
/// The pathway file ("dossier") and caseload row, kept inline with each append so a worker reads
/// their own writes. Free text stays encrypted; the page decrypts it with the person's key.
/// </summary>
public sealed class PathwayFile
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid PersonId { get; set; }
    public string Programme { get; set; } = "";
    public string? Track { get; set; }
    public PathwayStatus Status { get; set; }
    public DateOnly ReferredOn { get; set; }
    public string ReferralSource { get; set; } = "";
    public Guid? ReferringStructureId { get; set; }
    public string TerritoryCode { get; set; } = "";
    public Guid ReferentStructureId { get; set; }
    public Guid? ReferentWorkerId { get; set; }
    public Sex Sex { get; set; }
    public string AgeBand { get; set; } = "";
    public EncryptedText? Reason { get; set; }
    public DateOnly LastDate { get; set; }
    public DateOnly? ExitedOn { get; set; }
    public string? Outcome { get; set; }
    public List<ActionLine> Actions { get; set; } = [];
    public List<OrientationLine> Orientations { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
    /// <summary>Consents, team, parents' information: what <see cref="PathwayAccess"/> decides from.</summary>
    public CaseSharing Sharing { get; set; } = CaseSharing.None;
    /// <summary>The structures currently on the team, for the caseload's query (their consent is checked after).</summary>
    public List<Guid> SharedWith { get; set; } = [];
    /// <summary>The minor's own view of each consent given by the parents, encrypted.</summary>
    public Dictionary<Guid, EncryptedText> MinorViews { get; set; } = [];
    /// <summary>The last day a committee or team decided about the pathway (PRE reviews are due from it).</summary>
    public DateOnly? LastCommitteeOn { get; set; }
    public SafeContactMode? SafeContact { get; set; }
    /// <summary>In the restricted archive since this day (retention); null while in the active base.</summary>
    public DateOnly? ArchivedOn { get; set; }
    public bool Archived => ArchivedOn is not null;
    public EncryptedText? SafeContactInstructions { get; set; }
    /// <summary>Under a limitation of processing: readable, but every command is refused.</summary>
    public bool Restricted { get; set; }
}

public sealed record ActionLine(Guid ActionId, string Category, string Kind, DateOnly PlannedOn, DateOnly? DueOn, ActionStatus Status, DateOnly? DoneOn, EncryptedText? Note);

public sealed record OrientationLine(Guid OrientationId, string Destination, DateOnly ProposedOn, string State, DateOnly? DecidedOn, string? ReasonCode);

/// <summary>
/// One line of the file's history: what happened, on which day, by whom; text encrypted.
/// <see cref="ItemId"/> names the action the line is about, so a view hiding the action hides its lines.
/// </summary>
public sealed record TimelineEntry(DateOnly On, string Kind, string? Code, EncryptedText? Text, Guid By, DateTimeOffset At, Guid? ItemId = null);

public sealed partial class PathwayFileProjection : SingleStreamProjection<PathwayFile, Guid>
{
    public static PathwayFile Create(IEvent<PathwayReferred> @event)
    {
        var e = @event.Data;
        return new PathwayFile
        {
            Id = e.PathwayId,
            PersonId = e.PersonId,
            Programme = e.Programme,
            Track = e.Track,
            Status = PathwayStatus.Referred,
            ReferredOn = e.ReferredOn,
            ReferralSource = e.ReferralSource,
            ReferringStructureId = e.ReferringStructureId,
            TerritoryCode = e.TerritoryCode,
            ReferentStructureId = e.ReferentStructureId,
            Sex = e.Sex,
            AgeBand = e.AgeBand,
            Reason = e.Reason,
            LastDate = e.ReferredOn,
            Timeline = [new TimelineEntry(e.ReferredOn, "referred", e.ReferralSource, e.Reason, e.ReferredBy, @event.Timestamp)],
        };
    }

    public static void Apply(IEvent<ReferralAccepted> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Accepted;
        Log(file, e.AcceptedOn, "accepted", null, null, e.AcceptedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<ReferralDeclined> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Declined;
        Log(file, e.DeclinedOn, "declined", e.ReasonCode, e.Note, e.DeclinedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<AccompanimentStarted> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Active;
        file.ReferentWorkerId = e.ReferentWorkerId;
        Log(file, e.StartedOn, "started", e.ReferentWorkerId.ToString(), null, e.StartedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<ActionPlanned> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Actions.Add(new ActionLine(e.ActionId, e.Category, e.Kind, e.PlannedOn, e.DueOn, ActionStatus.Planned, null, e.Note));
        Log(file, e.PlannedOn, "action-planned", e.Kind, e.Note, e.PlannedBy, @event.Timestamp, e.ActionId);
    }

    public static void Apply(IEvent<ActionCompleted> @event, PathwayFile file)
    {
        var e = @event.Data;
        var action = UpdateAction(file, e.ActionId, a => a with { Status = ActionStatus.Completed, DoneOn = e.CompletedOn });
        Log(file, e.CompletedOn, "action-completed", action?.Kind, e.Note, e.CompletedBy, @event.Timestamp, e.ActionId);
    }

    public static void Apply(IEvent<ActionCancelled> @event, PathwayFile file)
    {
        var e = @event.Data;
        var action = UpdateAction(file, e.ActionId, a => a with { Status = ActionStatus.Cancelled, DoneOn = e.CancelledOn });
        Log(file, e.CancelledOn, "action-cancelled", action?.Kind, null, e.CancelledBy, @event.Timestamp, e.ActionId);
    }

    public static void Apply(IEvent<ReviewRecorded> @event, PathwayFile file)
    {
        var e = @event.Data;
        Log(file, e.ReviewedOn, "review", null, e.Summary, e.ReviewedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<OrientationProposed> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Orientations.Add(new OrientationLine(e.OrientationId, e.Destination, e.ProposedOn, "proposed", null, null));
        Log(file, e.ProposedOn, "orientation-proposed", e.Destination, e.Note, e.ProposedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<CommitteeDecisionRecorded> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.LastCommitteeOn = e.DecidedOn;
        Log(file, e.DecidedOn, "committee-decision", e.Outcome.ToString(), e.Rationale, e.DecidedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<OrientationAccepted> @event, PathwayFile file)
    {
        var e = @event.Data;
        var line = UpdateOrientation(file, e.OrientationId, o => o with { State = "accepted", DecidedOn = e.AcceptedOn });
        Log(file, e.AcceptedOn, "orientation-accepted", line?.Destination, null, e.AcceptedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<OrientationRefused> @event, PathwayFile file)
    {
        var e = @event.Data;
        var line = UpdateOrientation(file, e.OrientationId, o => o with { State = "refused", DecidedOn = e.RefusedOn, ReasonCode = e.ReasonCode });
        Log(file, e.RefusedOn, "orientation-refused", line?.Destination, e.Note, e.RefusedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<OrientationReminded> @event, PathwayFile file)
    {
        var e = @event.Data;
        var line = UpdateOrientation(file, e.OrientationId, o => o);
        Record(file, e.RemindedOn, "orientation-reminded", line?.Destination, null, Guid.Empty, @event.Timestamp);
    }

    public static void Apply(IEvent<OrientationExpired> @event, PathwayFile file)
    {
        var e = @event.Data;
        var line = UpdateOrientation(file, e.OrientationId, o => o with { State = "expired", DecidedOn = e.ExpiredOn });
        Record(file, e.ExpiredOn, "orientation-expired", line?.Destination, null, Guid.Empty, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwaySuspended> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Suspended;
        Log(file, e.SuspendedOn, "suspended", e.ReasonCode, e.Note, e.SuspendedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwayResumed> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Active;
        Log(file, e.ResumedOn, "resumed", null, null, e.ResumedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwayExited> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Exited;
        file.ExitedOn = e.ExitedOn;
        file.Outcome = e.Outcome;
        Log(file, e.ExitedOn, "exited", e.Outcome, e.Note, e.ExitedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwayReopened> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Status = PathwayStatus.Active;
        file.ExitedOn = null;
        file.Outcome = null;
        Log(file, e.ReopenedOn, "reopened", null, e.Reason, e.ReopenedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<ConsentRecorded> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Sharing = file.Sharing.Apply(e);
        if (e.MinorView is { } view) file.MinorViews[e.ConsentId] = view;
        Record(file, e.GivenOn, "consent-recorded", e.Purpose.ToString(), null, e.RecordedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<ConsentWithdrawn> @event, PathwayFile file)
    {
        var e = @event.Data;
        var purpose = file.Sharing.Consents.FirstOrDefault(c => c.ConsentId == e.ConsentId)?.Purpose;
        file.Sharing = file.Sharing.Apply(e);
        Record(file, e.WithdrawnOn, "consent-withdrawn", purpose?.ToString(), e.Note, e.RecordedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<TeamMemberAdded> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Sharing = file.Sharing.Apply(e);
        file.SharedWith = file.Sharing.Team.Select(m => m.StructureId).ToList();
        Record(file, e.AddedOn, "team-member-added", e.StructureId.ToString(), null, e.AddedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<TeamMemberRemoved> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Sharing = file.Sharing.Apply(e);
        file.SharedWith = file.Sharing.Team.Select(m => m.StructureId).ToList();
        Record(file, e.RemovedOn, "team-member-removed", e.StructureId.ToString(), null, e.RemovedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<ParentsInformed> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Sharing = file.Sharing.Apply(e);
        Record(file, e.InformedOn, "parents-informed", e.Mode.ToString(), e.Note, e.RecordedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<SharingExceptionJustified> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Sharing = file.Sharing.Apply(e);
        Record(file, e.DecidedOn, "sharing-exception", null, e.Justification, e.DecidedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<SafeContactRuleRecorded> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.SafeContact = e.Mode;
        file.SafeContactInstructions = e.Instructions;
        Record(file, e.RecordedOn, "safe-contact", e.Mode.ToString(), null, e.RecordedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwayArchived> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.ArchivedOn = e.ArchivedOn;
        Record(file, e.ArchivedOn, "archived", null, null, Guid.Empty, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwayRestricted> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Restricted = true;
        Record(file, e.RestrictedOn, "restricted", null, null, e.RestrictedBy, @event.Timestamp);
    }

    public static void Apply(IEvent<PathwayRestrictionLifted> @event, PathwayFile file)
    {
        var e = @event.Data;
        file.Restricted = false;
        Record(file, e.LiftedOn, "restriction-lifted", null, null, e.LiftedBy, @event.Timestamp);
    }

    /// <summary>A line of history that is not pathway activity (the consent ledger, the team): the last activity date stays.</summary>
    private static void Record(PathwayFile file, DateOnly on, string kind, string? code, EncryptedText? text, Guid by, DateTimeOffset at) =>
        file.Timeline.Add(new TimelineEntry(on, kind, code, text, by, at));

    private static void Log(PathwayFile file, DateOnly on, string kind, string? code, EncryptedText? text, Guid by, DateTimeOffset at, Guid? itemId = null)
    {
        file.Timeline.Add(new TimelineEntry(on, kind, code, text, by, at, itemId));
        if (on > file.LastDate) file.LastDate = on;
    }

    private static ActionLine? UpdateAction(PathwayFile file, Guid actionId, Func<ActionLine, ActionLine> change)
    {
        var index = file.Actions.FindIndex(a => a.ActionId == actionId);
        if (index < 0) return null;
        file.Actions[index] = change(file.Actions[index]);
        return file.Actions[index];
    }

    private static OrientationLine? UpdateOrientation(PathwayFile file, Guid orientationId, Func<OrientationLine, OrientationLine> change)
    {
        var index = file.Orientations.FindIndex(o => o.OrientationId == orientationId);
        if (index < 0) return null;
        file.Orientations[index] = change(file.Orientations[index]);
        return file.Orientations[index];
    }
}
