using Parcours.Committees;
using Parcours.Committees.Deciding;

namespace Parcours.Pages.Instances;

/// <summary>Every label of the session screen, in one place.</summary>
public static class SeanceText
{
    public const string MissingTitle = "Instance introuvable";
    public const string MissingBody = "Cette instance n'existe pas, ou vous n'en êtes pas l'organisateur : seuls les coordinateurs qui l'organisent tiennent la séance.";
    public static string Title(string kind, DateOnly on) => $"Séance – {kind} du {on:dd/MM/yyyy}";
    public const string Breadcrumb = "Fil d'Ariane";
    public const string Home = "Accueil";
    public const string Session = "Séance";
    public const string Agenda = "Ordre du jour";
    /// <summary>The agenda page's link to this screen while the session is open.</summary>
    public const string HoldSession = "Tenir la séance : enregistrer les décisions";
    public const string NotOpen = "La séance n'est pas ouverte : les décisions s'enregistrent une fois la séance ouverte.";
    public const string Closed = "La séance est close : les décisions ne peuvent plus être modifiées.";
    public const string CharterLink = "Signer la charte de confidentialité";
    public static string Progress(int decided, int total) => $"{decided} point(s) décidé(s) sur {total}.";
    public const string AllDecided = "Tous les points de l'ordre du jour ont été décidés.";
    public const string EmptyAgenda = "L'ordre du jour est vide.";
    public static string ItemHeading(int position, string who) => $"Point {position} – {who}";
    public const string Anonymised = "Dossier anonymisé";
    public const string Current = "Point en cours";
    public const string SummaryLabel = "Synthèse";
    public const string AgeBand = "Tranche d'âge";
    public const string Neighbourhood = "Quartier";
    public const string Programme = "Dispositif";
    public const string ActionsInProgress = "Actions en cours";
    public const string PastDecisions = "Décisions précédentes";
    public const string None = "Aucune";
    public const string DecidedAs = "Décision enregistrée :";
    public const string OutcomeLegend = "Décision";
    public const string OrientLegend = "Orientation";
    public const string Destination = "Destination";
    public const string ReceivingStructure = "Structure d'accueil";
    public const string ReceivingStructureHint = "Facultatif pour les destinations qui ont une structure d'accueil (SAS Coluche, La Fabrique Défi, France Travail, La Spirale, Maison des Femmes, PRE) ; obligatoire sinon.";
    public const string DefaultStructure = "Structure de la destination";
    public const string Missing = "Éléments manquants";
    public const string MissingHint = "Ce qui manque pour décider au prochain passage (chiffré).";
    public const string ExitOutcome = "Issue de la sortie";
    public const string ActionsLegend = "Plan d'action actualisé";
    public const string ActionsHint = "Une ligne par action ; les lignes laissées vides sont ignorées.";
    public static string ActionAxis(int n) => $"Axe de l'action {n}";
    public static string ActionKind(int n) => $"Action {n}";
    public static string ActionDue(int n) => $"Échéance de l'action {n} (facultatif)";
    public const string Rationale = "Motivation de la décision";
    public const string RationaleHint = "Obligatoire. Chiffrée avec la clé de la personne.";
    public const string Choose = "Choisir…";
    public const string Submit = "Enregistrer la décision";
    public const string NextItem = "Décision suivante";
    public static string Recorded(int position) => $"La décision du point {position} a été enregistrée.";
    public static string OnlyWhen(ItemOutcome outcome) => $"Si « {OutcomeLabels.Outcome(outcome)} »";
}
