using System.Globalization;
using Parcours.Indicators.Disclosure;

namespace Parcours.Pages.Indicateurs;

/// <summary>Every label of the indicators dashboard, in one place.</summary>
public static class IndicateursText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string Title = "Indicateurs du contrat de ville";
    public const string Intro =
        "Les indicateurs du contrat de ville, comptés sans jamais montrer une personne. Chaque graphique a son tableau, qui donne les mêmes chiffres.";
    public static string Secrecy(int threshold) =>
        $"Secret statistique : aucun effectif compris entre 1 et {threshold - 1} n'est publié (« secret »), et d'autres cases sont masquées quand elles permettraient de le retrouver par différence.";
    public const string Filters = "Choisir l'année et le quartier";
    public const string Year = "Année";
    public const string Neighbourhood = "Quartier";
    public const string WholeTerritory = "Tout le territoire";
    public const string Priority = "Quartiers prioritaires";
    public const string WatchSectors = "Secteurs de vigilance";
    public const string Elsewhere = "Hors quartier prioritaire";
    public const string Show = "Afficher";
    public const string Exports = "Exporter ces indicateurs";
    public const string Csv = "Tableur CSV";
    public const string Xlsx = "Classeur Excel (XLSX)";
    public const string Json = "Données JSON";
    public const string Report = "Rapport imprimable";
    public const string Contents = "Indicateurs";
    public const string ChartsMissing = "Les graphiques ne sont pas installés sur ce serveur : les chiffres sont dans les tableaux.";
    public static string Scope(int year, string where) => $"{where}, année {year}";
    public static string ComputedAt(DateTimeOffset at) =>
        "Chiffres calculés le " + TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture) + ".";

    public const string Secret = "secret";
    public static string Why(Suppression suppression, int threshold) => suppression switch
    {
        Suppression.Primary => $"effectif inférieur à {threshold}",
        _ => "masqué pour protéger une autre case",
    };
    public const string NoData = "aucune donnée";

    public const string Evolution = "Évolution";
    public static string Since(int baseline) => $"depuis {baseline}";
    public const string BaselineYear = "Année de référence du contrat.";
    public static string EvolutionHidden(int baseline) => $"Évolution depuis {baseline} non publiée : l'une des deux valeurs est secrète ou manquante.";
    public static string BaselineValue(int baseline, string value) => $"{baseline} : {value}";
    public static string Population(string count) => $"calculé sur {count}";

    public const string ByYear = "Par année";
    public const string BySex = "Par sexe";
    public const string ByAgeBand = "Par tranche d'âge";
    public const string Category = "Catégorie";
    public const string Value = "Valeur";
    public const string Count = "Effectif";
    public static string YearsCaption(string indicator, string where) => $"{indicator} – par année – {where}";
    public static string BreakdownCaption(string indicator, string by, int year, string where) => $"{indicator} – {by.ToLowerInvariant()} – {where}, {year}";
    public static string ChartLabel(string caption, bool line) =>
        $"Graphique {(line ? "en courbe" : "en barres")} : {caption}. Les valeurs figurent dans le tableau qui suit.";
    public const string NoSexBreakdown = "Pas de ventilation par sexe pour cet indicateur.";
    public const string NoAgeBreakdown = "Pas de ventilation par tranche d'âge pour cet indicateur.";
    public const string MeasureNoBreakdown = "Ce taux ou cette durée n'est pas ventilé par sexe ni par tranche d'âge.";

    public static string UnknownYear(string value, IReadOnlyList<int> years) =>
        $"L'année « {value} » n'est pas publiée : choisissez une année de {years[0]} à {years[^1]}.";
    public const string ErrorTitle = "Ces indicateurs ne peuvent pas être affichés";

    public static string Number(int value) => value.ToString("N0", French);

    public static string Percent(double rate) => (rate * 100).ToString("0.#", French) + "\u00a0%";

    public static string Days(double days) => days.ToString("0.#", French) + (days is >= 2 or <= -2 ? " jours" : " jour");

    public static string Signed(string formatted, double difference) => difference > 0 ? "+" + formatted : difference < 0 ? "\u2212" + formatted : formatted;

    /// <summary>A difference of percentages, in points: "+3,5 points".</summary>
    public static string Points(double points) => Signed(Math.Abs(points).ToString("0.#", French), points) + (Math.Abs(points) >= 2 ? " points" : " point");

    /// <summary>A difference of counts, with its percentage when the earlier count is not 0: "+12 (+9,5 %)".</summary>
    public static string CountChange(double now, double then)
    {
        var difference = now - then;
        var text = Signed(Number((int)Math.Abs(difference)), difference);
        return then > 0 ? $"{text} ({Signed(Math.Abs(difference / then * 100).ToString("0.#", French) + "\u00a0%", difference)})" : text;
    }
}
