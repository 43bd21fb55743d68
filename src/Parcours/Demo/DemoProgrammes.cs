using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Demo;

/// <summary>A choice with its weight, possible only for people whose age is within bounds.</summary>
internal sealed record Weighted(string Code, int Weight, int MinAge = 0, int MaxAge = 120);

/// <summary>
/// How one programme (or Cité de l'emploi track) behaves in the demo territory: who it takes,
/// who refers to it, how long it follows people and how they leave. Rates are plausible orders
/// of magnitude for Calais, not statistics.
/// </summary>
internal sealed record DemoProgramme(
    string Code,
    string? Track,
    Guid Structure,
    Habilitation Registrar,
    Habilitation[] Referents,
    double WomenShare,
    (int Min, int Max, int Weight)[] Ages,
    double OutsidePriorityShare,
    Weighted[] Sources,
    double DeclineRate,
    (int Min, int Max) DecisionDays,
    (int Min, int Max) StartDays,
    (int Min, int Max) DurationDays,
    int ReviewWeight,
    int OrientationWeight,
    Weighted[] Destinations,
    Weighted[] Outcomes,
    bool WomenOnly = false)
{
    public static readonly DemoProgramme Pre = new(
        "PRE", null, Structures.PreCalais, Staff.PreCoordinator, [Staff.PreReferent, Staff.PreReferent, Staff.PreCoordinator],
        WomenShare: 0.47,
        Ages: [(2, 5, 15), (6, 10, 45), (11, 16, 40)],
        OutsidePriorityShare: 0,
        Sources:
        [
            new("ECOLE", 33), new("GPDS", 14, 11), new("CDDF", 12, 3), new("MDS", 12), new("SPIRALE", 5, 11), new("PJJ", 3, 13), new("CS-FORT", 6),
            new("CS-CENTRE", 5), new("CS-MATISSE", 5), new("CCAS", 4), new("FAMILLE", 10),
        ],
        DeclineRate: 0.08, DecisionDays: (7, 40), StartDays: (3, 21), DurationDays: (180, 720),
        ReviewWeight: 35, OrientationWeight: 4,
        Destinations: [new("SPIRALE", 40, 11), new("FERME-URBAINE", 20, 6), new("AUTRE", 40), new("SAS", 20, 16), new("OF-1618", 10, 16)],
        Outcomes: [new("OBJECTIFS-ATTEINTS", 45), new("RETOUR-SCOLARITE", 5, 6), new("ORIENTE", 10), new("DEMENAGEMENT", 15), new("ABANDON", 17), new("AUTRE", 8)]);

    public static readonly DemoProgramme Sas = new(
        "SAS", null, Structures.SasColuche, Staff.SasEducator, [Staff.SasEducator],
        WomenShare: 0.3,
        Ages: [(16, 17, 30), (18, 21, 50), (22, 25, 20)],
        OutsidePriorityShare: 0.25,
        Sources:
        [
            new("MARAUDE", 35), new("MARAUDE-NUM", 15), new("VAD", 10), new("SPIRALE", 10), new("GPDS", 6, 16, 18), new("PJJ", 10, 16, 21), new("CDDF", 3, 16, 17),
            new("FT", 5, 18), new("FABRIQUE", 5), new("CS-FORT", 3), new("CS-MATISSE", 2), new("FAMILLE", 5),
        ],
        DeclineRate: 0.1, DecisionDays: (7, 60), StartDays: (0, 14), DurationDays: (90, 400),
        ReviewWeight: 20, OrientationWeight: 12,
        Destinations:
        [
            new("CEJ", 25), new("CEJ-JR", 20), new("PREPA-APPR", 15), new("AFPA-1618", 10, 16, 18), new("FABRIQUE", 10), new("FT", 5, 18),
            new("IAE", 5, 18), new("OF-1618", 5, 16, 18), new("SPIRALE", 5, 16, 21), new("FERME-URBAINE", 5, 16, 21),
        ],
        Outcomes: [new("PROJET-DEFINI", 30), new("FORMATION", 20), new("EMPLOI", 15), new("RETOUR-SCOLARITE", 5, 16, 18), new("ORIENTE", 15), new("ABANDON", 12), new("DEMENAGEMENT", 3)]);

    public static readonly DemoProgramme CiteYoung = Cite("JEUNES", 0.45, [(16, 17, 10), (18, 25, 90)]);

    public static readonly DemoProgramme CiteAdults = Cite("ADULTES", 0.55, [(26, 35, 45), (36, 49, 40), (50, 62, 15)]);

    public static readonly DemoProgramme Mdf = new(
        "MDF", null, Structures.MaisonDesFemmes, Staff.MdfWorker, [Staff.MdfWorker],
        WomenShare: 1,
        Ages: [(18, 25, 15), (26, 44, 55), (45, 59, 22), (60, 78, 8)],
        OutsidePriorityShare: 0.3,
        Sources: [new("FAMILLE", 45), new("CCAS", 12), new("MDS", 15), new("CS-FORT", 6), new("CS-CENTRE", 5), new("CS-MATISSE", 6), new("FT", 5), new("SPIRALE", 3, 18, 25)],
        DeclineRate: 0.03, DecisionDays: (0, 7), StartDays: (0, 3), DurationDays: (30, 300),
        ReviewWeight: 20, OrientationWeight: 8,
        Destinations: [new("AUTRE", 35), new("FT", 15), new("FABRIQUE", 15), new("IAE", 10)],
        Outcomes: [new("OBJECTIFS-ATTEINTS", 40), new("ORIENTE", 25), new("DEMENAGEMENT", 15), new("ABANDON", 10), new("AUTRE", 10)],
        WomenOnly: true);

    private static DemoProgramme Cite(string track, double womenShare, (int, int, int)[] ages) => new(
        "CITE", track, Structures.FabriqueDefi, Staff.CiteAdviser, [Staff.CiteAdviser],
        womenShare, ages,
        OutsidePriorityShare: 0,
        Sources:
        [
            new("FABRIQUE", 25), new("FT", 20, 18), new("CS-FORT", 6), new("CS-CENTRE", 5), new("CS-MATISSE", 4), new("CCAS", 10),
            new("MARAUDE", 10, 16, 25), new("SPIRALE", 5, 16, 25), new("PJJ", 5, 16, 21), new("MDS", 7), new("FAMILLE", 10),
        ],
        DeclineRate: 0.12, DecisionDays: (10, 45), StartDays: (3, 21), DurationDays: (120, 540),
        ReviewWeight: 15, OrientationWeight: 8,
        Destinations: [new("IAE", 25, 18), new("FT", 25, 18), new("FABRIQUE", 20), new("CEJ", 15, 16, 25), new("PREPA-APPR", 5, 16, 25), new("AUTRE", 15)],
        Outcomes: [new("EMPLOI", 35), new("FORMATION", 25), new("ORIENTE", 10), new("ABANDON", 20), new("DEMENAGEMENT", 5), new("AUTRE", 5)]);

    public string ReasonKey(string source) => $"{Code}:{source}";

    /// <summary>
    /// Pupils the collège's GPDS refers are mostly oriented to La Spirale, the urban farm or SAS
    /// Coluche (the contract's GPDS indicator): they get an orientation more often, to these.
    /// </summary>
    public static readonly Weighted[] GpdsDestinations = [new("SPIRALE", 40, 11), new("FERME-URBAINE", 35), new("SAS", 25, 16)];

    public const int GpdsOrientationBoost = 4;
}
