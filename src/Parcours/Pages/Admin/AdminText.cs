using Parcours.Identity;

namespace Parcours.Pages.Admin;

/// <summary>The labels shared by the administration pages.</summary>
public static class AdminText
{
    public const string Navigation = "Administration";
    public const string Habilitations = "Habilitations";
    public const string Structures = "Structures";

    public static string Role(Role role) => role switch
    {
        Identity.Role.Referent => "Référent·e de parcours",
        Identity.Role.ProgrammeCoordinator => "Coordinateur·rice de dispositif",
        Identity.Role.CommitteeMember => "Membre de commission",
        Identity.Role.Partner => "Partenaire",
        Identity.Role.StatisticsCoordinator => "Coordinateur·rice statistique (indicateurs seulement)",
        Identity.Role.DataProtectionOfficer => "Délégué·e à la protection des données",
        Identity.Role.Administrator => "Administrateur·rice de Parcours",
        _ => role.ToString(),
    };

    public static string Category(SpecialCategory category) => category switch
    {
        SpecialCategory.Justice => "Justice des mineurs (PJJ)",
        SpecialCategory.Health => "Santé",
        _ => category.ToString(),
    };
}
