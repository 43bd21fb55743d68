using Parcours.Kernel;

namespace Parcours.Committees.Dossiers;

/// <summary>The categorical facts an anonymised summary may say (labels from reference data, counts).</summary>
public sealed record DossierFacts(
    string Programme,
    string ProgrammeLabel,
    Sex Sex,
    string AgeBand,
    string Neighbourhood,
    string? ReferralSource,
    int Months,
    IReadOnlyList<string> ActionsInProgress,
    int PastDecisions);

/// <summary>
/// The situation summary of an anonymised item, written from categorical facts only: no free
/// text ever goes in, so no name, date of birth or address can leak through it.
/// </summary>
public static class AnonymisedSummary
{
    public static string Of(DossierFacts f)
    {
        var parts = new List<string>
        {
            $"{Who(f.Sex, f.AgeBand)} ({f.AgeBand} ans), quartier {f.Neighbourhood}",
            f.ReferralSource is { } source ? $"repéré·e ou orienté·e par : {source}, {Since(f.Months)}" : $"identifié·e {Since(f.Months)}",
            $"dispositif : {f.ProgrammeLabel}",
        };
        if (f.ActionsInProgress.Count > 0) parts.Add($"actions en cours : {string.Join(", ", f.ActionsInProgress)}");
        parts.Add(f.PastDecisions switch
        {
            0 => "jamais examiné·e en instance",
            1 => "déjà examiné·e une fois en instance",
            var n => $"déjà examiné·e {n} fois en instance",
        });
        return string.Join(" ; ", parts) + ".";
    }

    private static string Who(Sex sex, string ageBand)
    {
        var minor = ageBand is "0-5" or "6-10" or "11-15" or "16-17";
        var child = ageBand is "0-5" or "6-10" or "11-15";
        return (sex, child, minor) switch
        {
            (Sex.F, true, _) => "Enfant (fille)",
            (Sex.M, true, _) => "Enfant (garçon)",
            (Sex.F, _, true) => "Jeune fille mineure",
            (Sex.M, _, true) => "Jeune homme mineur",
            (Sex.F, _, _) when ageBand == "18-25" => "Jeune femme",
            (Sex.M, _, _) when ageBand == "18-25" => "Jeune homme",
            (Sex.F, _, _) => "Femme",
            _ => "Homme",
        };
    }

    private static string Since(int months) => months switch
    {
        0 => "il y a moins d'un mois",
        1 => "il y a un mois",
        _ => $"il y a {months} mois",
    };
}
