namespace Parcours.Indicators.Exporting;

/// <summary>
/// The theme of the contract's table "LES INDICATEURS" each indicator answers (the report's first
/// column). The pathway indicators (exits, delays, acceptance) follow the contract's steering.
/// </summary>
public static class ContractThemes
{
    public const string Education = "Des quartiers épanouis : Éducation";
    public const string Health = "Des quartiers épanouis : Prévention et promotion santé";
    public const string Employment = "Des quartiers actifs : Insertion, emploi";
    public const string Safety = "Des quartiers apaisés : Tranquillité publique, prévention de la délinquance";
    public const string Steering = "Pilotage : suivi des parcours";

    private static readonly IReadOnlyDictionary<string, string> ByCode = new Dictionary<string, string>
    {
        ["SAISINES-PRE"] = Education,
        ["SAISINES-CDDF"] = Safety,
        ["SUIVIS-PRE"] = Safety,
        ["GPDS-ORIENTES"] = Education,
        ["ORIENTES-STRUCTURES"] = Employment,
        ["ACCOMPAGNES-STRUCTURES"] = Employment,
        ["FEMMES-MDF"] = Health,
        ["PERMANENCES-MDF"] = Safety,
        ["JEUNES-PJJ"] = Safety,
    };

    public static string Of(string code) => ByCode.GetValueOrDefault(code, Steering);
}
