namespace Parcours.Pages.Personnes;

/// <summary>Every label of the people search page, in one place.</summary>
public static class PersonnesText
{
    public const string Title = "Rechercher une personne";
    public const string Intro = "Retrouvez une personne que vous suivez ou qui est partagée avec votre structure. Les accents, majuscules, tirets et fautes de frappe courantes ne comptent pas.";
    public const string FormTitle = "Critères de recherche";
    public const string Name = "Nom et/ou prénom";
    public const string NameHint = "Par exemple « Lefevre » ou « Jean Pierre ».";
    public const string BirthDate = "Date de naissance (facultatif)";
    public const string Territory = "Quartier (facultatif)";
    public const string AnyTerritory = "Tous les quartiers";
    public const string WholeNeighbourhood = "(sous-secteur non précisé)";
    public const string Submit = "Rechercher";
    public const string ResultsTitle = "Résultats";
    public const string Caption = "Personnes trouvées, les plus proches en premier";
    public const string Person = "Personne";
    public const string Born = "Née ou né le";
    public const string Sex = "Sexe";
    public const string Programmes = "Dispositifs visibles";
    public const string NoProgramme = "Aucun parcours visible";
    public const string None = "Aucune personne trouvée parmi celles que vous pouvez voir.";
    public const string Limit = "Seules les 20 personnes les plus proches sont affichées : précisez la recherche si besoin.";
    public const string Traced = "Chaque recherche est inscrite au journal des accès (sans le texte recherché).";
    public static string Count(int count) => count == 1 ? "1 personne trouvée." : $"{count} personnes trouvées.";
}
