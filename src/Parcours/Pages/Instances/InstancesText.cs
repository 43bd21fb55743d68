using System.Globalization;

namespace Parcours.Pages.Instances;

/// <summary>Every label and message of the committee pages (calendar, sitting, charter), in one place for review.</summary>
public static class InstancesText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string Calendar = "Instances";
    public const string Breadcrumb = "Fil d'Ariane";
    public const string Choose = "Choisir…";

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", French);
    public static string Time(TimeOnly time) => time.ToString("HH' h 'mm", French);
    public static string When(DateOnly day, TimeOnly time) => $"{Day(day)} à {Time(time)}";
    public static string Month(int year, int month) => Capitalised(new DateOnly(year, month, 1).ToString("MMMM yyyy", French));
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], French) + text[1..];

    // The calendar (/instances)
    public const string CalendarTitle = "Instances";
    public const string CalendarIntro = "Les comités d'admission et les équipes pluridisciplinaires auxquels vous siégez, des douze prochains mois.";
    public const string NoCommitteeRole = "Vous ne siégez dans aucune instance : cette page est réservée aux membres des comités et aux coordinateurs.";
    public const string NoSitting = "Aucune instance à venir pour vous. Les coordinateurs vous y invitent, vous ou votre structure.";
    public static string SittingCount(int count) => count switch { 0 => "Aucune instance à venir", 1 => "1 instance à venir", _ => $"{count} instances à venir" };
    public const string Place = "Lieu";
    public const string Convener = "Vous organisez cette instance";
    public const string RecentTitle = "Instances du mois écoulé";
    public const string ToConvenerForms = "Générer le calendrier de l'année ou programmer une instance";

    public const string GenerateTitle = "Générer le calendrier de l'année";
    public const string GenerateHelp = "Crée les instances prévues par le contrat de ville : comité mutualisé les mois impairs, comité de chaque dispositif les mois pairs, comité adultes de la Cité de l'emploi le mois suivant chaque comité mutualisé, équipe PRE chaque mois par quartier prioritaire ; pas d'instance en août. Les instances déjà programmées ne sont pas dupliquées.";
    public const string Year = "Année";
    public const string Kinds = "Instances à générer";
    public const string GenerateSubmit = "Générer le calendrier";
    public const string NoKind = "Choisissez au moins une instance à générer.";
    public static string Generated(int created, int skipped, int past) =>
        $"{Plural(created, "instance créée", "instances créées")}, {Plural(skipped, "déjà programmée", "déjà programmées")}, {Plural(past, "date passée non créée", "dates passées non créées")}.";

    public const string ScheduleTitle = "Programmer une instance";
    public const string Kind = "Type d'instance";
    public const string Neighbourhood = "Quartier prioritaire";
    public const string NeighbourhoodHint = "Pour une équipe pluridisciplinaire PRE seulement.";
    public const string SittingDate = "Date";
    public const string StartsAt = "Heure de début";
    public const string PlaceHint = "Laissez vide pour le lieu habituel de ce type d'instance.";
    public const string ScheduleSubmit = "Programmer";
    public const string Scheduled = "L'instance est programmée.";
    public const string MissingDate = "Indiquez la date.";
    public const string MissingTime = "Indiquez l'heure de début.";

    // The sitting (/instances/{id})
    public const string MissingTitle = "Instance introuvable";
    public const string MissingBody = "Cette instance n'existe pas, ou vous n'y siégez pas.";
    public const string BackToCalendar = "Retour aux instances";
    public const string Details = "L'instance";
    public const string When_ = "Date et heure";
    public const string Status = "Statut";
    public const string Owners = "Organisée par";
    public const string Chair = "Présidence de séance";
    public const string NoChair = "Désignée à l'ouverture de la séance";
    public const string CancellationReason = "Motif d'annulation";
    public const string AgendaCount = "Ordre du jour";
    public static string Items(int count) => Plural(count, "point", "points");
    public const string CharterCount = "Charte de confidentialité";
    public static string Acknowledgments(int count) => Plural(count, "engagement", "engagements");
    public const string Minutes = "Compte rendu";
    public static string MinutesVersion(int version) => version == 0 ? "Pas encore diffusé" : $"Version {version} diffusée";
    public const string YouAcknowledged = "Vous vous êtes engagé·e à respecter la charte de confidentialité pour cette instance.";
    public const string YouMustAcknowledge = "Avant de voir les situations nominatives, engagez-vous à respecter la charte de confidentialité.";
    public const string ReadCharter = "Lire la charte et m'engager";

    public const string Links = "Pages de l'instance";
    public const string CharterLink = "Charte de confidentialité";
    public const string AgendaLink = "Ordre du jour";
    public const string SessionLink = "Séance";
    public const string DocumentsLink = "Documents";

    public const string MembersTitle = "Membres invités";
    public const string InvitedStructures = "Structures invitées";
    public const string InvitedPeople = "Personnes invitées nommément";
    public const string NobodyByName = "Personne n'est invité nommément.";
    public const string AttendanceTitle = "Présences";
    public const string AttendanceCaption = "Membres attendus et présence";
    public const string Member = "Membre";
    public const string Structure = "Structure";
    public const string Presence = "Présence";
    public const string Present = "Présent·e";
    public const string Absent = "Absent·e";
    public const string NotRecorded = "Non renseignée";
    public const string Charter = "Charte";
    public const string Signed = "Signée";
    public const string NotSigned = "Non signée";
    public const string Record = "Noter";
    public static string MarkPresent(string name) => $"Noter {name} présent·e";
    public static string MarkAbsent(string name) => $"Noter {name} absent·e";
    public const string AttendanceRecorded = "La présence est notée.";

    public const string ManageTitle = "Organiser l'instance";
    public const string RescheduleSummary = "Déplacer l'instance";
    public const string RescheduleSubmit = "Enregistrer le déplacement";
    public const string Rescheduled = "L'instance est déplacée.";
    public const string InviteSummary = "Inviter des membres";
    public const string InviteStructures = "Structures (tous leurs membres de comité)";
    public const string InvitePeople = "Personnes (nommément)";
    public const string InviteSubmit = "Inviter";
    public const string NothingToInvite = "Toutes les structures et personnes habilitées sont déjà invitées.";
    public const string Invited = "Les invitations sont enregistrées.";
    public const string CancelSummary = "Annuler l'instance";
    public const string CancelReason = "Motif de l'annulation";
    public const string CancelReasonHint = "Un motif d'organisation (salle, quorum…), jamais une information sur une personne.";
    public const string CancelSubmit = "Annuler l'instance";
    public const string Cancelled = "L'instance est annulée.";
    public const string OpenSubmit = "Ouvrir la séance (je la préside)";
    public const string Opened = "La séance est ouverte : vous la présidez.";
    public const string CloseSubmit = "Clore la séance";
    public const string Closed = "La séance est close.";
    public const string MinutesSubmit = "Diffuser le compte rendu";
    public const string MinutesIssued = "Le compte rendu est diffusé.";

    // The charter (/instances/{id}/charte)
    public const string CharterTitle = "Charte de confidentialité";
    public const string CharterCommit = "Je m'engage";
    public const string CharterCommitLegend = "Mon engagement pour cette instance";
    public const string CharterCommitHint = "Votre engagement est enregistré à votre nom et tracé dans le journal des accès.";
    public static string CharterDone(DateTimeOffset at) =>
        $"Vous vous êtes engagé·e à respecter cette charte le {TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("d MMMM yyyy 'à' HH' h 'mm", French)}.";
    public const string CharterAcknowledged = "Votre engagement est enregistré.";
    public static string CharterVersion(string version) => $"Version {version} de la charte.";

    private static string Plural(int count, string one, string many) => count <= 1 ? $"{count} {one}" : $"{count} {many}";
}
