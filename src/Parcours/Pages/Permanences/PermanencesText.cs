using Parcours.Kernel;

namespace Parcours.Pages.Permanences;

/// <summary>Every label of the permanences page, in one place.</summary>
public static class PermanencesText
{
    public const string Title = "Permanences";
    public const string Intro = "Enregistrez chaque permanence tenue à la Maison des Femmes et le nombre de personnes reçues, par sexe et tranche d'âge. L'accueil est anonyme : aucun nom n'est demandé, seuls les nombres sont conservés.";
    public const string FormTitle = "Enregistrer une permanence";
    public const string HeldOn = "Date de la permanence";
    public const string Kind = "Type de permanence";
    public const string Territory = "Quartier où se tient la permanence";
    public const string WholeNeighbourhood = "(sous-secteur non précisé)";
    public const string Choose = "Choisir…";
    public const string CountsCaption = "Personnes reçues par sexe et tranche d'âge";
    public const string CountsHint = "Laissez vide ou à 0 les cases sans personne reçue.";
    public const string AgeBandHeader = "Tranche d'âge";
    public const string Women = "Femmes";
    public const string Men = "Hommes";
    public const string Total = "Total";
    public const string Submit = "Enregistrer la permanence";
    public const string Saved = "La permanence a été enregistrée.";
    public const string ListTitle = "Permanences tenues";
    public const string Year = "Année";
    public const string Show = "Afficher";
    public static string ListCaption(int year) => $"Permanences tenues en {year}, de la plus récente à la plus ancienne";
    public static string Empty(int year) => $"Aucune permanence enregistrée en {year}.";
    public static string YearTotal(int sessions, int people) => $"{sessions} permanence{(sessions > 1 ? "s" : "")}, {people} personne{(people > 1 ? "s" : "")} reçue{(people > 1 ? "s" : "")}";
    public const string Date = "Date";
    public const string Neighbourhood = "Quartier";
    public static string Band(string band) => band == "60+" ? "60 ans et plus" : $"{band} ans";
    public static string CellLabel(Sex sex, string band) => $"{(sex == Sex.F ? Women : Men)}, {Band(band)}";

    /// <summary>The age bands of the form: people received at a permanence are 16 or older.</summary>
    public static readonly IReadOnlyList<string> Bands = AgeBand.All.SkipWhile(b => b != "16-17").ToList();
}
