using Parcours.Reference;

namespace Parcours.Identity;

/// <summary>
/// Fictional professionals of the demo territory and their habilitations, one per role the
/// product knows, and one person habilitated in two structures (used by the development
/// provider's directory, the demo data and the tests).
/// </summary>
public static class Staff
{
    public static readonly Habilitation PreReferent = Member(1, "Camille Lefebvre", Structures.PreCalais, "Référente de parcours PRE", [Role.Referent, Role.CommitteeMember], [SpecialCategory.Health]);
    public static readonly Habilitation PreCoordinator = Member(2, "Karim Benali", Structures.PreCalais, "Coordinateur PRE", [Role.ProgrammeCoordinator, Role.Referent, Role.CommitteeMember], [SpecialCategory.Health]);
    public static readonly Habilitation SasEducator = Member(3, "Julie Martin", Structures.SasColuche, "Éducatrice SAS Coluche", [Role.Referent, Role.CommitteeMember], [SpecialCategory.Health]);
    public static readonly Habilitation CiteAdviser = Member(4, "Thomas Dubois", Structures.FabriqueDefi, "Conseiller Cité de l'emploi", [Role.Referent, Role.CommitteeMember], []);
    public static readonly Habilitation MdfWorker = Member(5, "Sophie Leroy", Structures.MaisonDesFemmes, "Intervenante Maison des Femmes", [Role.Referent, Role.ProgrammeCoordinator], [SpecialCategory.Health]);
    public static readonly Habilitation SchoolWorker = Member(6, "Nadia Haddad", Structures.CollegeLesDunes, "CPE, collège Les Dunes", [Role.Partner, Role.CommitteeMember], []);
    public static readonly Habilitation FranceTravailAdviser = Member(7, "Pierre Caron", Structures.FranceTravail, "Conseiller France Travail", [Role.Partner, Role.CommitteeMember], []);
    public static readonly Habilitation PjjEducator = Member(8, "Lucie Fontaine", Structures.Pjj, "Éducatrice PJJ", [Role.Partner, Role.CommitteeMember], [SpecialCategory.Justice]);
    public static readonly Habilitation StatisticsCoordinator = Member(9, "Hélène Marchand", Structures.PolitiqueDeLaVille, "Chargée d'évaluation, politique de la ville", [Role.StatisticsCoordinator], []);
    public static readonly Habilitation DataProtectionOfficer = Member(10, "Marc Vasseur", Structures.PolitiqueDeLaVille, "Délégué à la protection des données", [Role.DataProtectionOfficer], []);
    public static readonly Habilitation Administrator = Member(11, "Élodie Masson", Structures.PolitiqueDeLaVille, "Administratrice de Parcours", [Role.Administrator], []);

    // One person, two structures: a CCAS social worker who is also a référente at SAS Coluche part of the week.
    public static readonly Habilitation CcasSocialWorker = Member(12, "Inès Moreau", Structures.Ccas, "Assistante sociale, CCAS de Calais", [Role.Partner, Role.CommitteeMember], []);
    public static readonly Habilitation CcasSocialWorkerAtSas = Member(13, "Inès Moreau", Structures.SasColuche, "Référente de parcours SAS Coluche (mi-temps)", [Role.Referent, Role.CommitteeMember], []);

    // The coordinators who convene and chair the admission committees.
    public static readonly Habilitation SasCoordinator = Member(14, "Amandine Roussel", Structures.SasColuche, "Coordinatrice SAS Coluche", [Role.ProgrammeCoordinator, Role.Referent, Role.CommitteeMember], [SpecialCategory.Health]);
    public static readonly Habilitation CiteCoordinator = Member(15, "Yacine Lambert", Structures.FabriqueDefi, "Coordinateur Cité de l'emploi", [Role.ProgrammeCoordinator, Role.Referent, Role.CommitteeMember], []);

    public static readonly IReadOnlyList<Habilitation> All =
    [
        PreReferent, PreCoordinator, SasEducator, CiteAdviser, MdfWorker, SchoolWorker, FranceTravailAdviser, PjjEducator,
        StatisticsCoordinator, DataProtectionOfficer, Administrator, CcasSocialWorker, CcasSocialWorkerAtSas, SasCoordinator, CiteCoordinator,
    ];

    private static Habilitation Member(int number, string name, Guid structure, string position, Role[] roles, SpecialCategory[] entitlements) => new()
    {
        Id = Guid.Parse($"0195b000-0000-7000-8000-{number:x12}"),
        DisplayName = name,
        Email = Habilitation.NormaliseEmail($"{Ascii(name.Split(' ')[0])}.{Ascii(name.Split(' ')[1])}@demo.parcours.invalid"),
        StructureId = structure,
        Position = position,
        Roles = [.. roles],
        Entitlements = [.. entitlements],
    };

    private static string Ascii(string word) =>
        new(word.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray());
}
