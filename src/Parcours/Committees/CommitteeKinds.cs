using Parcours.Reference;

namespace Parcours.Committees;

/// <summary>
/// Who owns (convenes) each kind of sitting, and its French name. The mutualised admission
/// committee belongs to SAS Coluche and La Fabrique Défi together; each programme convenes its
/// own; the PRE convenes one team per priority neighbourhood.
/// </summary>
public static class CommitteeKinds
{
    public static readonly IReadOnlyList<CommitteeKind> All = Enum.GetValues<CommitteeKind>();

    public static IReadOnlyList<Guid> OwnersOf(CommitteeKind kind) => kind switch
    {
        CommitteeKind.MutualisedAdmission => [Structures.SasColuche, Structures.FabriqueDefi],
        CommitteeKind.SasAdmission => [Structures.SasColuche],
        CommitteeKind.CiteAdmission or CommitteeKind.CiteAdults => [Structures.FabriqueDefi],
        CommitteeKind.PreTeam => [Structures.PreCalais],
        _ => [],
    };

    /// <summary>The kinds a structure convenes (empty for partners).</summary>
    public static IReadOnlyList<CommitteeKind> ConvenedBy(Guid structureId) =>
        All.Where(kind => OwnersOf(kind).Contains(structureId)).ToList();

    /// <summary>A PRE team sits per priority neighbourhood; admission committees cover the whole territory.</summary>
    public static bool IsPerNeighbourhood(CommitteeKind kind) => kind == CommitteeKind.PreTeam;

    public static string Label(CommitteeKind kind) => kind switch
    {
        CommitteeKind.MutualisedAdmission => "Comité d'admission mutualisé SAS Coluche – Cité de l'emploi",
        CommitteeKind.SasAdmission => "Comité d'admission SAS Coluche",
        CommitteeKind.CiteAdmission => "Comité Cité de l'emploi (jeunes)",
        CommitteeKind.CiteAdults => "Comité Cité de l'emploi (adultes de plus de 26 ans)",
        CommitteeKind.PreTeam => "Équipe pluridisciplinaire PRE",
        _ => kind.ToString(),
    };

    /// <summary>The kind's name, with the neighbourhood for a PRE team.</summary>
    public static string Title(CommitteeKind kind, string? territoryLabel) =>
        territoryLabel is null ? Label(kind) : $"{Label(kind)} – {territoryLabel}";

    public static string StatusLabel(CommitteeStatus status) => status switch
    {
        CommitteeStatus.Scheduled => "Programmée",
        CommitteeStatus.InSession => "En séance",
        CommitteeStatus.Closed => "Séance close",
        CommitteeStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };
}
