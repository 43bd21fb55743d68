namespace Parcours.Pages.Confidentialite;

/// <summary>The labels of the officer's rights pages, in one place.</summary>
public static class RightsText
{
    public const string Section = "Droits des personnes";
    public const string SubNav = "Droits des personnes : rubriques";
    public const string AccessTitle = "Demandes d'accès";
    public const string RectificationTitle = "Rectification d'identité";
    public const string RestrictionTitle = "Limitations du traitement";
    public const string Refused = "La demande n'a pas abouti";

    // Access requests
    public const string AccessIntro = "Le document rassemble tout ce que Parcours détient sur une personne : identité, parcours, chaque enregistrement en clair, consentements, décisions, orientations et consultations de son dossier. Il est déchiffré seulement à l'ouverture, et chaque ouverture est tracée.";
    public const string NewRequest = "Enregistrer une demande d'accès";
    public const string PersonId = "Identifiant de la personne";
    public const string PersonIdHint = "Tel qu'il figure dans le journal des accès ou sur la fiche de la personne.";
    public const string Relation = "La demande est faite par";
    public const string RequestedBy = "Nom de la personne qui fait la demande";
    public const string RequestedByHint = "Obligatoire pour un parent ou un représentant légal.";
    public const string Record = "Enregistrer et produire le document";
    public const string Recorded = "La demande est enregistrée : le document est prêt.";
    public const string ListCaption = "Demandes d'accès enregistrées, de la plus récente à la plus ancienne";
    public const string NoRequest = "Aucune demande d'accès n'est enregistrée.";
    public const string RequestedOn = "Reçue le";
    public const string Person = "Personne";
    public const string Document = "Document";
    public const string OpenDocument = "Document imprimable";
    public const string OpenJson = "Données (JSON)";

    // Rectification
    public const string RectificationIntro = "Corrigez seulement les champs inexacts ; les champs laissés vides ne changent pas. L'ancienne valeur n'est pas conservée et le dossier indique « Identité rectifiée le … ».";
    public const string FirstName = "Prénom";
    public const string LastName = "Nom";
    public const string BirthDate = "Date de naissance";
    public const string Address = "Adresse";
    public const string Phone = "Téléphone";
    public const string Email = "Courriel";
    public const string Rectify = "Rectifier";
    public const string Rectified = "L'identité est rectifiée.";

    // Restriction
    public const string RestrictionIntro = "Un parcours dont le traitement est limité reste consultable, mais il refuse toute modification jusqu'à la levée de la limitation (ou l'effacement).";
    public const string NewRestriction = "Limiter le traitement d'un parcours";
    public const string PathwayId = "Identifiant du parcours";
    public const string Reason = "Motif";
    public const string ReasonHint = "Par exemple : exactitude contestée, opposition en cours d'examen.";
    public const string Restrict = "Limiter le traitement";
    public const string Restricted = "Le traitement du parcours est limité.";
    public const string Lift = "Lever la limitation";
    public const string Lifted = "La limitation est levée.";
    public const string RestrictedCaption = "Parcours dont le traitement est limité";
    public const string NoRestriction = "Aucun parcours ne fait l'objet d'une limitation.";
    public const string Pathway = "Parcours";
    public const string Programme = "Dispositif";
    public const string Actions = "Actions";
}
