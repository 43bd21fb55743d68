using Parcours.Kernel;

namespace Parcours.Committees.Dossiers;

/// <summary>A decision a committee or team already took about the pathway (no rationale).</summary>
public sealed record PastDecision(DateOnly On, string Outcome);

/// <summary>
/// What the table sees of one agenda item: the committee summary, never the file. Named, it
/// carries the person's names and the referral's reason; anonymised, a stable code and a summary
/// built from categorical facts only, and no pathway or person id. <see cref="PathwayId"/> is set
/// only for the referent structure's own workers, who may open the file.
/// </summary>
public sealed record CommitteeDossier(
    Guid ItemId,
    int Position,
    AgendaReason Reason,
    AgendaItemStatus Status,
    ItemOutcome? Outcome,
    bool Named,
    string Code,
    string? FirstName,
    string? LastName,
    Guid? PathwayId,
    string Programme,
    string ProgrammeLabel,
    string? Track,
    string AgeBand,
    Sex Sex,
    string Neighbourhood,
    string? ReferralSource,
    int MonthsSinceIdentification,
    IReadOnlyList<string> ActionsInProgress,
    IReadOnlyList<PastDecision> PastDecisions,
    string Summary);

/// <summary>A sitting's agenda as one member sees it.</summary>
public sealed record CommitteeAgenda(
    Guid CommitteeId,
    long Version,
    CommitteeKind Kind,
    string? TerritoryCode,
    DateOnly SittingOn,
    CommitteeStatus Status,
    bool CharterAcknowledged,
    bool Convenes,
    string? Notice,
    string CharterUrl,
    IReadOnlyList<CommitteeDossier> Items);
