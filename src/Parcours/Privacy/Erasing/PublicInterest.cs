namespace Parcours.Privacy.Erasing;

/// <summary>
/// Programmes the municipality runs as a task carried out in the public interest: for them an
/// erasure request may be refused (RGPD art. 17(3)(b)), with the legal basis recorded below.
/// </summary>
public static class PublicInterest
{
    public const string Article = "RGPD, art. 17, paragraphe 3, point b) : le traitement est nécessaire à l'exécution d'une mission d'intérêt public dont est investi le responsable du traitement.";

    /// <summary>Programme code → the mission's legal basis, as the refusal states it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Programmes = new Dictionary<string, string>
    {
        ["PRE"] = "Programme de réussite éducative : mission de la commune au titre de la loi n° 2005-32 du 18 janvier 2005 de programmation pour la cohésion sociale (art. 128 à 131), y compris le suivi décidé avec le conseil pour les droits et devoirs des familles (CDDF, Code de l'action sociale et des familles, art. L. 141-1).",
    };

    /// <summary>The documented reason for refusing, or null when none of these programmes is a public-interest task.</summary>
    public static string? LegalReasonFor(IEnumerable<string> programmes)
    {
        var bases = programmes.Distinct().Where(Programmes.ContainsKey).Order().Select(p => Programmes[p]).ToList();
        return bases.Count == 0 ? null : $"{Article} {string.Join(" ", bases)}";
    }
}
