namespace Parcours.People.Merging;

// A merge of two records of the same person is its own stream: proposed by a programme
// coordinator, then undone or confirmed. Nothing changes for the two people until it is
// confirmed; confirming appends events (history is never rewritten).

public sealed record MergeProposed(Guid MergeId, Guid KeptPersonId, Guid AbsorbedPersonId, Guid StructureId, Guid ProposedBy, DateTimeOffset ProposedAt);

public sealed record MergeUndone(Guid MergeId, Guid UndoneBy, DateTimeOffset UndoneAt);

public sealed record MergeConfirmed(Guid MergeId, Guid ConfirmedBy, DateTimeOffset ConfirmedAt);

/// <summary>On the absorbed person's stream: this record is a duplicate of the kept person.</summary>
public sealed record PersonMergedInto(Guid PersonId, Guid KeptPersonId, Guid MergeId, Guid MergedBy, DateTimeOffset MergedAt);

/// <summary>On a pathway's stream: the pathway now belongs to the kept person of a merge.</summary>
public sealed record PathwayPersonChanged(Guid PathwayId, Guid PreviousPersonId, Guid PersonId, Guid MergeId, Guid ChangedBy, DateTimeOffset ChangedAt);

public enum MergeStatus
{
    Proposed,
    Undone,
    Confirmed,
}

/// <summary>Write model and inline view of a merge.</summary>
public sealed record PersonMerge(Guid Id, Guid KeptPersonId, Guid AbsorbedPersonId, Guid StructureId, MergeStatus Status, DateTimeOffset ProposedAt)
{
    public static PersonMerge Create(MergeProposed e) => new(e.MergeId, e.KeptPersonId, e.AbsorbedPersonId, e.StructureId, MergeStatus.Proposed, e.ProposedAt);

    public PersonMerge Apply(MergeUndone e) => this with { Status = MergeStatus.Undone };

    public PersonMerge Apply(MergeConfirmed e) => this with { Status = MergeStatus.Confirmed };
}
