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

    public static string Purpose(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.TeamSharing => "Partage avec l'équipe de suivi",
        ConsentPurpose.CommitteeExamination => "Examen par une commission d'admission",
        ConsentPurpose.Orientation => "Orientation vers une structure",
        ConsentPurpose.ContactBySms => "Contact par SMS",
        ConsentPurpose.ContactByLetter => "Contact par courrier",
        _ => purpose.ToString(),
    };

    public static string Giver(ConsentGiver giver) => giver switch
    {
        ConsentGiver.Person => "La personne elle-même",
        ConsentGiver.ParentalAuthority => "Les titulaires de l'autorité parentale",
        _ => giver.ToString(),
    };

    public static string Mode(ConsentMode mode) => mode switch
    {
        ConsentMode.Written => "Écrit",
        ConsentMode.Oral => "Oral",
        _ => mode.ToString(),
    };

    public static string SafeContact(SafeContactMode mode) => mode switch
    {
        SafeContactMode.AnyChannel => "Contact possible par tous moyens",
        SafeContactMode.PhoneOnly => "Téléphone uniquement (ni SMS, ni courrier)",
        SafeContactMode.InPersonOnly => "Uniquement en personne, à la Maison des Femmes",
        SafeContactMode.ThroughThirdParty => "Uniquement par l'intermédiaire d'un tiers désigné",
        SafeContactMode.NoContact => "Ne jamais la contacter : attendre qu'elle revienne",
        _ => mode.ToString(),
    };
}
