namespace Parcours.Pages.Dossiers;

/// <summary>Every label and message of the pathway file page, in one place for review.</summary>
public static class DossierText
{
    public const string Breadcrumb = "Fil d'Ariane";
    public const string Caseload = "Mes suivis";
    public const string UnknownPerson = "Identité effacée";
    public const string MissingTitle = "Dossier introuvable";
    public const string AccessHistoryLink = "Voir qui a consulté ce dossier (journal des accès)";
    public const string MissingBody = "Ce dossier n'existe pas, ou vous n'êtes pas habilité·e à le consulter.";
    public const string BackToCaseload = "Retour à mes suivis";
    public const string MissingDate = "Indiquez la date.";
    public const string Optional = " (facultatif)";
    public const string NoteLabel = "Commentaire (facultatif)";
    public const string EncryptedHint = "Ce texte est chiffré et n'est visible que par la structure référente.";
    public const string Choose = "Choisir…";

    // Summary
    public const string SummaryTitle = "Synthèse";
    public const string BirthDate = "Date de naissance";
    public static string Age(int years) => $"{years} ans";
    public const string Sex = "Sexe";
    public const string Female = "Féminin";
    public const string Male = "Masculin";
    public const string Programme = "Dispositif";
    public const string Track = "Public";
    public const string Territory = "Quartier";
    public const string ReferredOn = "Orienté·e le";
    public const string ReferralSource = "Origine de l'orientation";
    public const string ReferringStructure = "Structure qui a orienté";
    public const string ReferentStructure = "Structure référente";
    public const string ReferentWorker = "Référent·e";
    public const string NoReferent = "Pas encore désigné·e";
    public const string Reason = "Motif de l'orientation";
    public const string LastActivity = "Dernière activité";
    public const string Outcome = "Motif de sortie";
    public const string Status = "Statut";

    // Next steps
    public const string NextStepsTitle = "Suite du parcours";
    public const string NoNextStep = "Ce parcours est clos : aucune action n'est possible.";
    public const string AcceptLegend = "Admettre la personne dans le dispositif";
    public const string AcceptDate = "Date d'admission";
    public const string AcceptSubmit = "Admettre";
    public const string DeclineSummary = "Refuser l'orientation";
    public const string DeclineDate = "Date de la décision";
    public const string DeclineReason = "Motif du refus";
    public const string DeclineSubmit = "Refuser l'orientation";
    public const string StartLegend = "Démarrer l'accompagnement";
    public const string StartDate = "Date de début";
    public const string StartReferent = "Référent·e du parcours";
    public const string StartSubmit = "Démarrer l'accompagnement";
    public const string SuspendSummary = "Suspendre le parcours";
    public const string SuspendDate = "Date de suspension";
    public const string SuspendReason = "Motif de la suspension";
    public const string SuspendSubmit = "Suspendre le parcours";
    public const string ResumeLegend = "Reprendre le parcours";
    public const string ResumeDate = "Date de reprise";
    public const string ResumeSubmit = "Reprendre le parcours";
    public const string ExitSummary = "Clôturer le parcours (sortie)";
    public const string ExitDate = "Date de sortie";
    public const string ExitOutcome = "Motif de sortie";
    public const string ExitSubmit = "Clôturer le parcours";
    public const string ReopenLegend = "Rouvrir le parcours";
    public const string ReopenDate = "Date de réouverture";
    public const string ReopenReason = "Motif de la réouverture (facultatif)";
    public const string ReopenSubmit = "Rouvrir le parcours";

    // Actions
    public const string ActionsTitle = "Actions";
    public const string NoAction = "Aucune action n'est prévue pour l'instant.";
    public const string PlannedOn = "Prévue le";
    public const string DueOn = "Échéance";
    public const string DoneOn = "le";
    public const string PlanSummary = "Prévoir une action";
    public const string PlanCategory = "Axe ou contenu";
    public const string PlanKind = "Action";
    public const string PlanKindHint = "Par exemple : aide aux devoirs, orthophonie, centre de loisirs, café des parents.";
    public const string PlanDate = "Date de planification";
    public const string PlanDue = "Échéance (facultatif)";
    public const string PlanSubmit = "Ajouter l'action";
    public const string CompleteSummary = "Marquer comme réalisée";
    public const string CompleteDate = "Date de réalisation";
    public const string CompleteSubmit = "Enregistrer la réalisation";
    public const string CancelSummary = "Annuler l'action";
    public const string CancelDate = "Date d'annulation";
    public const string CancelSubmit = "Annuler l'action";

    // Reviews
    public const string ReviewSummary = "Enregistrer un bilan";
    public const string ReviewDate = "Date du bilan";
    public const string ReviewText = "Synthèse du bilan";
    public const string ReviewSubmit = "Enregistrer le bilan";

    // Orientations
    public const string OrientationsTitle = "Orientations";
    public const string NoOrientation = "Aucune orientation n'a été proposée.";
    public const string ProposedOn = "Proposée le";
    public const string DecidedOn = "Réponse le";
    public const string ProposeSummary = "Proposer une orientation";
    public const string ProposeDestination = "Destination";
    public const string ProposeDate = "Date de la proposition";
    public const string ProposeSubmit = "Proposer l'orientation";
    public const string OrientationAcceptSummary = "Enregistrer l'acceptation";
    public const string OrientationAcceptDate = "Date d'acceptation";
    public const string OrientationAcceptSubmit = "Enregistrer l'acceptation";
    public const string OrientationRefuseSummary = "Enregistrer un refus";
    public const string OrientationRefuseDate = "Date du refus";
    public const string OrientationRefuseReason = "Motif du refus";
    public const string OrientationRefuseSubmit = "Enregistrer le refus";

    public static string OrientationState(string state) => state switch
    {
        "proposed" => "En attente de réponse",
        "accepted" => "Acceptée",
        "refused" => "Refusée",
        "expired" => "Expirée sans réponse",
        _ => state,
    };

    // Timeline
    public const string TimelineTitle = "Historique";
    public const string NoTimeline = "Aucun événement.";
    public static string By(string name) => $"par {name}";

    public static string TimelineKind(string kind) => kind switch
    {
        "referred" => "Orientation reçue",
        "accepted" => "Admission dans le dispositif",
        "declined" => "Orientation refusée par le dispositif",
        "started" => "Début de l'accompagnement",
        "action-planned" => "Action prévue",
        "action-completed" => "Action réalisée",
        "action-cancelled" => "Action annulée",
        "review" => "Bilan",
        "committee-decision" => "Décision d'instance",
        "orientation-proposed" => "Orientation proposée",
        "orientation-accepted" => "Orientation acceptée",
        "orientation-refused" => "Orientation refusée",
        "orientation-reminded" => "Relance de la structure d'accueil (orientation sans réponse)",
        "orientation-expired" => "Orientation expirée sans réponse",
        "suspended" => "Parcours suspendu",
        "resumed" => "Reprise du parcours",
        "exited" => "Sortie du parcours",
        "reopened" => "Réouverture du parcours",
        "archived" => "Passage en archive restreinte (durée de conservation)",
        "consent-recorded" => "Consentement enregistré",
        "consent-withdrawn" => "Consentement retiré",
        "team-member-added" => "Structure ajoutée à l'équipe",
        "team-member-removed" => "Structure retirée de l'équipe",
        "parents-informed" => "Parents informés",
        "sharing-exception" => "Exception à l'information des parents",
        "safe-contact" => "Consigne de contact protégé",
        "restricted" => "Limitation du traitement (délégué à la protection des données)",
        "restriction-lifted" => "Levée de la limitation du traitement",
        _ => kind,
    };

    // Rights of the person
    public const string RestrictedBanner =
        "Ce parcours fait l'objet d'une limitation du traitement : il reste consultable, mais aucune modification n'est possible tant que le délégué à la protection des données ne l'a pas levée.";
    public static string IdentityRectifiedOn(string date) => $"Identité rectifiée le {date}.";

    // Summary view, read-only
    public const string SummaryViewNotice =
        "Vous consultez ce dossier en tant que partenaire de l'équipe de suivi : seule une synthèse est affichée, sans motif, notes, bilans, informations familiales ni coordonnées.";
    public const string ReadOnlyNotice = "Votre structure fait partie de l'équipe de suivi : seule la structure référente modifie ce dossier.";
    public const string Withheld = "—";

    // Consents
    public const string ConsentsTitle = "Consentements";
    public const string NoConsent = "Aucun consentement n'est enregistré.";
    public const string ConsentCounts = "En cours";
    public static string ConsentWithdrawnOn(string date) => $"Retiré le {date}";
    public const string ConsentLapsed = "Ne vaut plus (expiré, ou accord des parents d'une personne devenue majeure)";
    public const string GivenOnLabel = "Donné le";
    public const string ExpiresOnLabel = "Valable jusqu'au";
    public const string MinorViewLabel = "Avis de l'enfant ou du jeune";
    public const string PrintForm = "Formulaire imprimable";
    public const string RecordConsentSummary = "Enregistrer un consentement";
    public const string ConsentPurpose = "Finalité";
    public const string ConsentStructures = "Structure(s) concernée(s)";
    public const string ConsentStructuresHint = "Pour le partage avec l'équipe et l'orientation : les structures nommées par le consentement.";
    public const string ConsentGiver = "Donné par";
    public const string ConsentMode = "Forme";
    public const string ConsentDate = "Date du consentement";
    public const string ConsentExpires = "Valable jusqu'au (facultatif)";
    public const string ConsentMinorView = "Avis de l'enfant ou du jeune";
    public const string ConsentMinorViewHint = "Obligatoire pour un mineur : son avis, ou pourquoi il n'a pas pu être recueilli. Ce texte est chiffré.";
    public const string RecordConsentSubmit = "Enregistrer le consentement";
    public const string WithdrawSummary = "Enregistrer le retrait";
    public const string WithdrawDate = "Date du retrait";
    public const string WithdrawSubmit = "Enregistrer le retrait";
    public const string ChoosePurpose = "Choisissez la finalité.";
    public const string ChooseGiver = "Indiquez qui a donné le consentement.";
    public const string ChooseMode = "Indiquez la forme (écrite ou orale).";
    public const string ChooseStructure = "Choisissez la structure.";
    public const string ChooseSafeContact = "Choisissez la règle de contact.";

    // Team
    public const string TeamTitle = "Équipe de suivi";
    public const string TeamIntro = "Les structures partenaires qui voient ce dossier, tant qu'un consentement en cours les couvre.";
    public const string NoTeam = "Aucune structure partenaire ne voit ce dossier.";
    public static string CoveredBy(string purpose, string date) => $"Couverte par le consentement « {purpose} » du {date}";
    public const string NotCovered = "Aucun consentement en cours ne la couvre : elle ne voit plus le dossier.";
    public static string CoveredChoice(string structure, string purpose, string date) => $"{structure} – consentement « {purpose} » du {date}";
    public const string AddedOn = "Ajoutée le";
    public const string TeamAddSummary = "Ajouter une structure à l'équipe";
    public const string TeamStructure = "Structure";
    public const string TeamPurpose = "Au titre de";
    public const string TeamAddHint = "Un consentement en cours doit couvrir la structure et cette finalité.";
    public const string TeamAddSubmit = "Ajouter à l'équipe";
    public const string TeamRemoveSubmit = "Retirer de l'équipe";

    // Parents
    public const string ParentsTitle = "Information des parents";
    public static string ParentsInformedOn(string date) => $"Les parents ont été informés le {date}.";
    public static string ExceptionOn(string date) => $"Exception à l'information des parents justifiée par un coordinateur le {date} (voir l'historique).";
    public const string ParentsNotInformed = "Les parents n'ont pas encore été informés : aucun partage n'est possible avant.";
    public const string ParentsSummary = "Enregistrer l'information des parents";
    public const string ParentsDate = "Date de l'information";
    public const string ParentsMode = "Forme";
    public const string ParentsSubmit = "Enregistrer";
    public const string ExceptionSummary = "Justifier une exception (coordinateur)";
    public const string ExceptionText = "Justification";
    public const string ExceptionHint = "Pourquoi informer les parents mettrait l'enfant en danger ou est impossible. Ce texte est chiffré.";
    public const string ExceptionSubmit = "Enregistrer l'exception";

    // Safe contact
    public const string SafeContactTitle = "Contact protégé";
    public const string SafeContactNone = "Aucune consigne : demandez-lui comment elle peut être contactée en sécurité.";
    public const string SafeContactSummary = "Enregistrer la consigne de contact";
    public const string SafeContactMode = "Comment la contacter";
    public const string SafeContactInstructions = "Précisions (facultatif)";
    public const string SafeContactHint = "Par exemple : horaires, personne relais, ne jamais laisser de message. Ce texte est chiffré et ne quitte pas la Maison des Femmes.";
    public const string SafeContactSubmit = "Enregistrer la consigne";

    // Notices after a successful post
    public const string Accepted = "L'admission a été enregistrée.";
    public const string Declined = "Le refus de l'orientation a été enregistré.";
    public const string Started = "L'accompagnement a démarré.";
    public const string Planned = "L'action a été ajoutée.";
    public const string Completed = "L'action a été marquée comme réalisée.";
    public const string Cancelled = "L'action a été annulée.";
    public const string Reviewed = "Le bilan a été enregistré.";
    public const string Proposed = "L'orientation a été proposée.";
    public const string OrientationAccepted = "L'acceptation de l'orientation a été enregistrée.";
    public const string OrientationRefused = "Le refus de l'orientation a été enregistré.";
    public const string Suspended = "Le parcours a été suspendu.";
    public const string Resumed = "Le parcours a repris.";
    public const string Exited = "Le parcours a été clôturé.";
    public const string Reopened = "Le parcours a été rouvert.";
    public const string ConsentRecorded = "Le consentement a été enregistré.";
    public const string ConsentWithdrawn = "Le retrait du consentement a été enregistré : le partage qu'il permettait a cessé.";
    public const string TeamMemberAdded = "La structure a été ajoutée à l'équipe de suivi.";
    public const string TeamMemberRemoved = "La structure a été retirée de l'équipe de suivi.";
    public const string ParentsInformedRecorded = "L'information des parents a été enregistrée.";
    public const string ExceptionRecorded = "L'exception a été enregistrée.";
    public const string SafeContactRecorded = "La consigne de contact a été enregistrée.";
}
