using Parcours.Permanences;
using Parcours.Reference;

namespace Parcours.Indicators.Facts;

/// <summary>
/// One permanence session of the Maison des Femmes as the indicators see it: when, where, what
/// kind, and how many people it received by sex and age band. Permanences receive people
/// anonymously, so there is no person here to pseudonymise: <see cref="Id"/> is the session's id
/// and every figure is a count.
/// </summary>
public sealed class ReceptionFact
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string TerritoryCode { get; set; } = "";
    /// <summary>Null when the code is unknown to the reference data.</summary>
    public TerritoryKind? TerritoryKind { get; set; }
    /// <summary>The QPV of a sub-sector.</summary>
    public string? ParentTerritoryCode { get; set; }
    public List<PeopleReceived> Received { get; set; } = [];
}
