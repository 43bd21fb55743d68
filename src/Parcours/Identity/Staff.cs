using Parcours.Reference;

namespace Parcours.Identity;

/// <summary>Fictional professionals of the demo territory (used by the development sign-in and tests).</summary>
public static class Staff
{
    public static readonly StaffMember PreReferent = Member(1, "Camille Lefebvre", Structures.PreCalais, "Référente de parcours PRE");
    public static readonly StaffMember PreCoordinator = Member(2, "Karim Benali", Structures.PreCalais, "Coordinateur PRE");
    public static readonly StaffMember SasEducator = Member(3, "Julie Martin", Structures.SasColuche, "Éducatrice SAS Coluche");
    public static readonly StaffMember CiteAdviser = Member(4, "Thomas Dubois", Structures.FabriqueDefi, "Conseiller Cité de l'emploi");
    public static readonly StaffMember MdfWorker = Member(5, "Sophie Leroy", Structures.MaisonDesFemmes, "Intervenante Maison des Femmes");
    public static readonly StaffMember SchoolWorker = Member(6, "Nadia Haddad", Structures.CollegeLesDunes, "CPE, collège Les Dunes");
    public static readonly StaffMember FranceTravailAdviser = Member(7, "Pierre Caron", Structures.FranceTravail, "Conseiller France Travail");
    public static readonly StaffMember PjjEducator = Member(8, "Lucie Fontaine", Structures.Pjj, "Éducatrice PJJ");

    public static readonly IReadOnlyList<StaffMember> All =
        [PreReferent, PreCoordinator, SasEducator, CiteAdviser, MdfWorker, SchoolWorker, FranceTravailAdviser, PjjEducator];

    private static StaffMember Member(int number, string name, Guid structure, string position) => new()
    {
        Id = Guid.Parse($"0195b000-0000-7000-8000-{number:x12}"),
        DisplayName = name,
        Email = $"{name.Split(' ')[0].ToLowerInvariant()}.{name.Split(' ')[1].ToLowerInvariant()}@demo.parcours.invalid",
        StructureId = structure,
        Position = position,
    };
}
