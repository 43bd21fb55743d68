using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Indicators.Definitions;

/// <summary>What an indicator counts or measures; each kind has one counting rule (see <c>IndicatorCounter</c>).</summary>
public enum IndicatorKind
{
    /// <summary>Referrals (saisines) dated in the year: one per pathway.</summary>
    Referrals,
    /// <summary>Distinct persons per programme active at any time in the year.</summary>
    Followed,
    /// <summary>Distinct persons per programme whose last exit in the year has the outcome.</summary>
    Exits,
    /// <summary>Distinct persons per destination with an orientation proposed in the year.</summary>
    Orientations,
    /// <summary>Median days from referral (identification) to the first committee decision, decided in the year.</summary>
    DaysToFirstDecision,
    /// <summary>Accepted orientations over answered ones (accepted, refused, expired), answered in the year.</summary>
    OrientationAcceptanceRate,
    /// <summary>Median days from start of accompaniment to exit, for exits in the year.</summary>
    DaysInPathway,
    /// <summary>People received at permanence sessions held in the year: the sum of the sessions' counts (anonymous reception).</summary>
    Receptions,
}

/// <summary>A breakdown an indicator may be published by.</summary>
public enum Dimension
{
    Neighbourhood,
    Sex,
    AgeBand,
    Programme,
    ReferralSource,
    Destination,
    Outcome,
}

/// <summary>Restrictions on the facts an indicator looks at; an empty list means "any".</summary>
public sealed record IndicatorFilter
{
    public IReadOnlyList<string> Programmes { get; init; } = [];
    public IReadOnlyList<string> ReferralSources { get; init; } = [];
    public IReadOnlyList<string> Destinations { get; init; } = [];
    public IReadOnlyList<TerritoryKind> TerritoryKinds { get; init; } = [];
    public IReadOnlyList<Sex> Sexes { get; init; } = [];

    public static IndicatorFilter None { get; } = new();
}

/// <summary>
/// One version of an indicator: its code, French label, rule (kind + filter) and the dimensions
/// it may be broken down by. A change of rule is a new version, never an edit.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    int Version,
    string Label,
    IndicatorKind Kind,
    IndicatorFilter Filter,
    IReadOnlyList<Dimension> Dimensions)
{
    public bool IsCount => Kind is IndicatorKind.Referrals or IndicatorKind.Followed or IndicatorKind.Exits or IndicatorKind.Orientations or IndicatorKind.Receptions;
}
