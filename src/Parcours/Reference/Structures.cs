namespace Parcours.Reference;

/// <summary>The partner organisations of the demo territory, with stable ids.</summary>
public static class Structures
{
    public static readonly Guid PreCalais = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    public static readonly Guid SasColuche = Guid.Parse("0195a000-0000-7000-8000-000000000002");
    public static readonly Guid FabriqueDefi = Guid.Parse("0195a000-0000-7000-8000-000000000003");
    public static readonly Guid MaisonDesFemmes = Guid.Parse("0195a000-0000-7000-8000-000000000004");
    public static readonly Guid LaSpirale = Guid.Parse("0195a000-0000-7000-8000-000000000005");
    public static readonly Guid CollegeLesDunes = Guid.Parse("0195a000-0000-7000-8000-000000000006");
    public static readonly Guid FranceTravail = Guid.Parse("0195a000-0000-7000-8000-000000000007");
    public static readonly Guid Pjj = Guid.Parse("0195a000-0000-7000-8000-000000000008");
    public static readonly Guid Ccas = Guid.Parse("0195a000-0000-7000-8000-000000000009");
    public static readonly Guid Mds = Guid.Parse("0195a000-0000-7000-8000-00000000000a");
    public static readonly Guid EspaceFort = Guid.Parse("0195a000-0000-7000-8000-00000000000b");
    public static readonly Guid PolitiqueDeLaVille = Guid.Parse("0195a000-0000-7000-8000-00000000000c");

    public static readonly IReadOnlyList<Structure> All =
    [
        new() { Id = PreCalais, Name = "Programme de Réussite Éducative de Calais", Kind = "Ville de Calais", Programmes = ["PRE"] },
        new() { Id = SasColuche, Name = "SAS Coluche", Kind = "Ville de Calais", Programmes = ["SAS"] },
        new() { Id = FabriqueDefi, Name = "La Fabrique Défi (Cité de l'emploi)", Kind = "Maison de l'emploi", Programmes = ["CITE"] },
        new() { Id = MaisonDesFemmes, Name = "Maison des Femmes « Simone Veil »", Kind = "Ville de Calais", Programmes = ["MDF"] },
        new() { Id = LaSpirale, Name = "La Spirale", Kind = "Prévention spécialisée" },
        new() { Id = CollegeLesDunes, Name = "Collège Les Dunes (fictif)", Kind = "Éducation nationale" },
        new() { Id = FranceTravail, Name = "France Travail Calais", Kind = "Service public de l'emploi" },
        new() { Id = Pjj, Name = "PJJ – Unité éducative de milieu ouvert", Kind = "Protection judiciaire de la jeunesse" },
        new() { Id = Ccas, Name = "CCAS de Calais", Kind = "Action sociale" },
        new() { Id = Mds, Name = "MDS du Calaisis", Kind = "Conseil départemental" },
        new() { Id = EspaceFort, Name = "Centre social Espace Fort", Kind = "Centre social" },
        new() { Id = PolitiqueDeLaVille, Name = "Direction de la politique de la ville", Kind = "Ville de Calais" },
    ];
}
