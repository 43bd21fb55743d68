using Parcours.Kernel;

namespace Parcours.Indicators.Definitions;

/// <summary>
/// The contract's indicators ("LES INDICATEURS"): the seed of the stored definition versions
/// (<see cref="IndicatorDefinitionVersion"/>, written by <see cref="IndicatorDefinitionSeed"/>).
/// Publications read the stored versions, in force at the instant they are computed for.
/// </summary>
public static class IndicatorCatalogue
{
    private static readonly Dimension[] People = [Dimension.Neighbourhood, Dimension.Sex, Dimension.AgeBand, Dimension.Programme];

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("SAISINES-PRE", 1, "Nombre de saisines du PRE", IndicatorKind.Referrals,
            new() { Programmes = ["PRE"] }, [.. People, Dimension.ReferralSource]),
        // The CDDF is not a programme of the platform: its referrals are the pathways it refers.
        new("SAISINES-CDDF", 1, "Nombre de saisines par le CDDF", IndicatorKind.Referrals,
            new() { ReferralSources = ["CDDF"] }, People),
        new("SUIVIS-PRE", 1, "Nombre d'enfants et de jeunes suivis par le PRE", IndicatorKind.Followed,
            new() { Programmes = ["PRE"] }, People),
        new("GPDS-ORIENTES", 1, "Nombre d'élèves suivis en GPDS orientés vers La Spirale, la ferme urbaine, SAS Coluche", IndicatorKind.Orientations,
            new() { ReferralSources = ["GPDS"], Destinations = ["SPIRALE", "FERME-URBAINE", "SAS"] }, [.. People, Dimension.Destination]),
        new("ORIENTES-STRUCTURES", 1, "Nombre de jeunes orientés vers les structures dédiées (SAS Coluche, Maison des Femmes, La Spirale, La Fabrique Défi)", IndicatorKind.Orientations,
            new() { Destinations = ["SAS", "MDF", "SPIRALE", "FABRIQUE"] }, [.. People, Dimension.Destination]),
        new("ACCOMPAGNES-STRUCTURES", 1, "Nombre de jeunes accompagnés par les structures dédiées (SAS Coluche, Maison des Femmes)", IndicatorKind.Followed,
            new() { Programmes = ["SAS", "MDF"] }, People),
        new("FEMMES-MDF", 1, "Nombre de femmes fréquentant la Maison des Femmes", IndicatorKind.Followed,
            new() { Programmes = ["MDF"], Sexes = [Sex.F] }, [Dimension.Neighbourhood, Dimension.AgeBand]),
        // Counted from the permanence sessions the Maison des Femmes records, not from pathways.
        new("PERMANENCES-MDF", 1, "Nombre de personnes reçues lors des permanences de la Maison des Femmes", IndicatorKind.Receptions,
            IndicatorFilter.None, [Dimension.Neighbourhood, Dimension.Sex, Dimension.AgeBand]),
        new("JEUNES-PJJ", 1, "Nombre de jeunes sous main de justice accompagnés", IndicatorKind.Followed,
            new() { ReferralSources = ["PJJ"] }, People),
        new("SORTIES", 1, "Sorties par motif", IndicatorKind.Exits,
            IndicatorFilter.None, [.. People, Dimension.Outcome]),
        new("DELAI-DECISION", 1, "Délai médian entre le repérage et la décision du comité (jours)", IndicatorKind.DaysToFirstDecision,
            IndicatorFilter.None, [Dimension.Neighbourhood, Dimension.Programme]),
        new("TAUX-ACCEPTATION", 1, "Taux d'acceptation des orientations", IndicatorKind.OrientationAcceptanceRate,
            IndicatorFilter.None, [Dimension.Neighbourhood, Dimension.Destination]),
        new("DUREE-PARCOURS", 1, "Durée médiane du parcours (jours)", IndicatorKind.DaysInPathway,
            IndicatorFilter.None, [Dimension.Neighbourhood, Dimension.Programme]),
    ];

    public static IndicatorDefinition Get(string code) => All.Single(d => d.Code == code);

    /// <summary>
    /// When the first versions took effect: the start of the contract's baseline year (Paris time),
    /// before any event the platform records, so every past date has its rules.
    /// </summary>
    public static readonly DateTimeOffset FirstVersionsValidFrom = new(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    /// <summary>The catalogue as stored versions, in publication order.</summary>
    public static IReadOnlyList<IndicatorDefinitionVersion> Versions() =>
        All.Select((definition, order) => IndicatorDefinitionVersion.Of(definition, FirstVersionsValidFrom, order)).ToList();
}
