using JasperFx.Events;
using Parcours.Committees.Deciding;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Privacy.Rectifying;
using Parcours.Reference;

namespace Parcours.Privacy.AccessRequests;

/// <summary>The French of the access-request document: who asked, and every event told in plain words.</summary>
public static class AccessText
{
    public static string Relation(RequesterRelation relation) => relation switch
    {
        RequesterRelation.Self => "La personne elle-même",
        RequesterRelation.Parent => "Un titulaire de l'autorité parentale (personne mineure)",
        RequesterRelation.LegalRepresentative => "Son représentant légal",
        _ => relation.ToString(),
    };

    public static string Family(FamilyRelation relation) => relation switch
    {
        FamilyRelation.ParentOf => "Parent d'une autre personne suivie",
        FamilyRelation.ChildOf => "Enfant d'une autre personne suivie",
        FamilyRelation.SiblingOf => "Frère ou sœur d'une autre personne suivie",
        FamilyRelation.PartnerOf => "Conjoint·e d'une autre personne suivie",
        _ => relation.ToString(),
    };

    public const string OtherPersonWithheld = "L'identité de l'autre personne n'est pas communiquée (elle ne concerne pas la demande).";

    /// <summary>What one event says, in French: a title and its details (free text decrypted with the person's key).</summary>
    public static (string Title, IReadOnlyList<string> Details) Describe(object data, Func<EncryptedText?, string?> decrypt, Func<string, string?, string?> code, Func<Guid, string> structure)
    {
        var details = new List<string>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) details.Add($"{label} : {value}");
        }

        string title;
        switch (data)
        {
            case PersonIdentified e:
                title = "Identification de la personne dans Parcours";
                Add("Structure", structure(e.StructureId));
                break;
            case FamilyLinkRecorded e:
                title = "Lien familial enregistré";
                Add("Lien", Family(e.Relation));
                details.Add(OtherPersonWithheld);
                break;
            case IdentityRectified e:
                title = "Identité rectifiée";
                Add("Données corrigées", string.Join(", ", e.Fields.Select(IdentityFields.Label)));
                break;
            case PathwayReferred e:
                title = "Orientation reçue";
                Add("Dispositif", e.Programme);
                Add("Parcours", e.Track);
                Add("Origine", code(CodeLists.ReferralSource, e.ReferralSource));
                Add("Structure référente", structure(e.ReferentStructureId));
                Add("Motif", decrypt(e.Reason));
                break;
            case ReferralAccepted:
                title = "Admission dans le dispositif";
                break;
            case ReferralDeclined e:
                title = "Orientation refusée par le dispositif";
                Add("Motif", code(CodeLists.DeclineReason, e.ReasonCode));
                Add("Note", decrypt(e.Note));
                break;
            case AccompanimentStarted:
                title = "Début de l'accompagnement";
                break;
            case ActionPlanned e:
                title = "Action prévue";
                Add("Axe", code(CodeLists.ActionCategory, e.Category));
                Add("Action", e.Kind);
                Add("Échéance", e.DueOn?.ToString("dd/MM/yyyy"));
                Add("Note", decrypt(e.Note));
                break;
            case ActionCompleted e:
                title = "Action réalisée";
                Add("Note", decrypt(e.Note));
                break;
            case ActionCancelled:
                title = "Action annulée";
                break;
            case ReviewRecorded e:
                title = "Bilan";
                Add("Synthèse", decrypt(e.Summary));
                break;
            case OrientationProposed e:
                title = "Orientation proposée";
                Add("Destination", code(CodeLists.Destination, e.Destination));
                Add("Note", decrypt(e.Note));
                break;
            case OrientationAccepted:
                title = "Orientation acceptée";
                break;
            case OrientationRefused e:
                title = "Orientation refusée";
                Add("Motif", code(CodeLists.OrientationRefusalReason, e.ReasonCode));
                Add("Note", decrypt(e.Note));
                break;
            case OrientationReminded:
                title = "Relance de la structure d'accueil (orientation sans réponse)";
                break;
            case OrientationExpired:
                title = "Orientation expirée sans réponse";
                break;
            case CommitteeDecisionRecorded e:
                title = "Décision d'instance";
                Add("Instance", OutcomeLabels.Kind(e.Kind));
                Add("Décision", OutcomeLabels.Outcome(e.Outcome));
                Add("Destination", e.Destination is null ? null : code(CodeLists.Destination, e.Destination));
                Add("Motivation", decrypt(e.Rationale));
                break;
            case PathwaySuspended e:
                title = "Parcours suspendu";
                Add("Motif", code(CodeLists.SuspensionReason, e.ReasonCode));
                Add("Note", decrypt(e.Note));
                break;
            case PathwayResumed:
                title = "Reprise du parcours";
                break;
            case PathwayExited e:
                title = "Sortie du parcours";
                Add("Issue", code(CodeLists.ExitOutcome, e.Outcome));
                Add("Note", decrypt(e.Note));
                break;
            case PathwayReopened e:
                title = "Réouverture du parcours";
                Add("Motif", decrypt(e.Reason));
                break;
            case ConsentRecorded e:
                title = "Consentement enregistré";
                Add("Finalité", Labels.Purpose(e.Purpose));
                Add("Structures", string.Join(", ", e.Structures.Select(structure)));
                Add("Donné par", Labels.Giver(e.GivenBy));
                Add("Forme", Labels.Mode(e.Mode));
                Add("Valable jusqu'au", e.ExpiresOn?.ToString("dd/MM/yyyy"));
                Add("Avis de l'enfant ou du jeune", decrypt(e.MinorView));
                break;
            case ConsentWithdrawn e:
                title = "Consentement retiré";
                Add("Note", decrypt(e.Note));
                break;
            case TeamMemberAdded e:
                title = "Structure ajoutée à l'équipe de suivi";
                Add("Structure", structure(e.StructureId));
                Add("Finalité", Labels.Purpose(e.Purpose));
                break;
            case TeamMemberRemoved e:
                title = "Structure retirée de l'équipe de suivi";
                Add("Structure", structure(e.StructureId));
                break;
            case ParentsInformed e:
                title = "Parents informés du partage";
                Add("Forme", Labels.Mode(e.Mode));
                Add("Note", decrypt(e.Note));
                break;
            case SharingExceptionJustified e:
                title = "Exception à l'information des parents";
                Add("Justification", decrypt(e.Justification));
                break;
            case SafeContactRuleRecorded e:
                title = "Consigne de contact protégé";
                Add("Consigne", Labels.SafeContact(e.Mode));
                Add("Précisions", decrypt(e.Instructions));
                break;
            case PathwayRestricted e:
                title = "Limitation du traitement";
                Add("Motif", e.Reason);
                break;
            case PathwayRestrictionLifted:
                title = "Levée de la limitation du traitement";
                break;
            default:
                // An event this document does not word yet still appears: every event is listed.
                title = $"Événement enregistré ({data.GetType().Name})";
                break;
        }
        return (title, details);
    }

    /// <summary>The business date an event carries, else the day it was recorded.</summary>
    public static DateTimeOffset At(IEvent e) => e.Timestamp;
}
