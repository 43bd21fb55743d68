namespace Parcours.Pages.Orientations;

/// <summary>Every label of the orientations page, in one place.</summary>
public static class OrientationsText
{
    public const string Title = "Orientations";
    public const string Intro = "Les orientations décidées en instance vers votre structure : acceptez-les en nommant le professionnel qui prend la personne en charge, ou refusez-les en indiquant le motif, qui est transmis au coordinateur de l'instance.";
    public const string InboxTitle = "Orientations reçues";
    public const string InboxEmpty = "Aucune orientation n'attend de réponse de votre structure.";
    public const string StuckTitle = "Orientations en attente";
    public static string StuckIntro(int days) => $"Orientations sans réponse depuis au moins {days} jours, ou déjà relancées.";
    public const string StuckEmpty = "Aucune orientation bloquée.";
    public const string ReturnsTitle = "Retours d'orientation";
    public const string ReturnsIntro = "Les orientations refusées par les structures d'accueil, pour les instances que vous organisez.";
    public const string ReturnsEmpty = "Aucun refus d'orientation.";
    public const string AnonymisedNote = "Sans consentement de la personne à une orientation vers votre structure, le dossier est anonymisé.";
    public static string Anonymised(string code) => $"Personne {code} (anonymisée)";
    public const string Destination = "Destination";
    public const string Committee = "Instance";
    public static string CommitteeOn(string kind, DateOnly on) => $"{kind} du {on:dd/MM/yyyy}";
    public const string AgeBand = "Tranche d'âge";
    public const string Neighbourhood = "Quartier";
    public const string ProposedOn = "Orientée le";
    public const string Reminded = "Relancée le";
    public const string Stuck = "En attente";
    public const string AcceptSummary = "Accepter l'orientation";
    public const string TakenBy = "Professionnel qui prend en charge la personne";
    public const string AcceptSubmit = "Accepter";
    public const string RefuseSummary = "Refuser l'orientation";
    public const string Reason = "Motif du refus";
    public const string Note = "Précisions (facultatif)";
    public const string NoteHint = "Chiffrées avec la clé de la personne ; transmises au coordinateur de l'instance qui suit la personne.";
    public const string RefuseSubmit = "Enregistrer le refus";
    public const string Choose = "Choisir…";
    public const string Person = "Personne";
    public const string ReceivingStructure = "Structure d'accueil";
    public const string RefusedOn = "Refusée le";
    public const string Accepted = "L'orientation a été acceptée.";
    public const string Refused = "Le refus a été enregistré et transmis au coordinateur de l'instance.";
}
