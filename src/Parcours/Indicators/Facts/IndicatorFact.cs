using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Indicators.Facts;

/// <summary>
/// One pathway as the indicators see it: categories and dates only. It never holds a name, a birth
/// date, an address, free text, the person id or the pathway id; <see cref="Id"/> and
/// <see cref="Person"/> are keyed one-way pseudonyms (<see cref="Pseudonyms"/>).
/// </summary>
public sealed class IndicatorFact
{
    /// <summary>HMAC of the pathway id.</summary>
    public string Id { get; set; } = "";
    /// <summary>HMAC of the person id: the same for every pathway of one person, for distinct counts.</summary>
    public string Person { get; set; } = "";
    public string Programme { get; set; } = "";
    public string? Track { get; set; }
    public string TerritoryCode { get; set; } = "";
    /// <summary>Null when the code is unknown to the reference data.</summary>
    public TerritoryKind? TerritoryKind { get; set; }
    /// <summary>The QPV of a sub-sector.</summary>
    public string? ParentTerritoryCode { get; set; }
    public Sex Sex { get; set; }
    public string AgeBand { get; set; } = "";
    public string ReferralSource { get; set; } = "";
    /// <summary>The kind of the referring structure (school, CCAS...), never the structure itself.</summary>
    public string? ReferringStructureKind { get; set; }
    public DateOnly ReferredOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? DeclinedOn { get; set; }
    public string? DeclineReason { get; set; }
    public DateOnly? StartedOn { get; set; }
    /// <summary>The current exit (null while the pathway is open, or after a reopening).</summary>
    public DateOnly? ExitedOn { get; set; }
    public string? ExitOutcome { get; set; }
    /// <summary>Every exit, with its reopening if any, so "active at any time in year Y" can be answered.</summary>
    public List<ExitFact> Exits { get; set; } = [];
    public DateOnly? FirstCommitteeDecisionOn { get; set; }
    public List<OrientationFact> Orientations { get; set; } = [];
}

public sealed record ExitFact(DateOnly ExitedOn, string Outcome, DateOnly? ReopenedOn);

/// <summary>An orientation: <see cref="Key"/> is the HMAC of its id (to match its answer), never the id.</summary>
public sealed record OrientationFact(string Key, string Destination, DateOnly ProposedOn, OrientationAnswer Answer, DateOnly? AnsweredOn);

public enum OrientationAnswer
{
    Pending,
    Accepted,
    Refused,
    Expired,
}
