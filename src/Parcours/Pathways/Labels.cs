namespace Parcours.Pathways;

/// <summary>French labels of the pathway vocabulary, in one place.</summary>
public static class Labels
{
    public static string Status(PathwayStatus status) => status switch
    {
        PathwayStatus.Referred => "Orienté, en attente",
        PathwayStatus.Accepted => "Admis",
        PathwayStatus.Declined => "Orientation refusée",
        PathwayStatus.Active => "En accompagnement",
        PathwayStatus.Suspended => "Suspendu",
        PathwayStatus.Exited => "Sorti",
        _ => status.ToString(),
    };

    public static string Action(ActionStatus status) => status switch
    {
        ActionStatus.Planned => "Prévue",
        ActionStatus.Completed => "Réalisée",
        ActionStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };
}
