using Parcours.Committees;
using Parcours.Identity;
using Parcours.Orientations.Inbox;
using Parcours.Pathways;

namespace Parcours.Orientations;

/// <summary>
/// Who may do what with an orientation a committee opened. The receiving structure is not on the
/// pathway's team: this rule, and nothing else, lets it see and answer the orientation.
/// <list type="bullet">
/// <item>The workers of the receiving structure who work with people (référents, coordinators,
/// partner advisers) see the ticket in their inbox and answer it while it is pending. Anyone else
/// gets 404, as for an orientation that does not exist.</item>
/// <item>They see the person's name (and the pathway id) only under an orientation consent that
/// counts today and names their structure; otherwise an anonymised code, the age band and the
/// neighbourhood.</item>
/// <item>The coordinators who convened the sitting read its refusals (reason and sitting).</item>
/// <item>Maison des Femmes pathways are sealed: never a ticket.</item>
/// </list>
/// </summary>
public static class OrientationAccess
{
    public static bool Receives(CurrentWorker worker, OrientationTicket ticket) =>
        worker.WorksWithPeople && worker.StructureId == ticket.ReceivingStructureId && !PathwayAccess.IsSealed(ticket.Programme);

    public static bool MayAnswer(CurrentWorker worker, OrientationTicket ticket) =>
        Receives(worker, ticket) && ticket.Status == OrientationStatus.Pending;

    public static bool SeesName(CurrentWorker worker, OrientationTicket ticket, CaseSharing sharing, DateOnly today, DateOnly? adultOn) =>
        Receives(worker, ticket) && sharing.CoveringConsent(worker.StructureId, ConsentPurpose.Orientation, today, adultOn) is not null;

    public static bool ReadsReturn(CurrentWorker worker, OrientationTicket ticket) =>
        CommitteeAccess.Convenes(worker, ticket.CommitteeOwners) && !PathwayAccess.IsSealed(ticket.Programme);

    /// <summary>A taker is an active habilitation of the receiving structure that works with people.</summary>
    public static bool MayTake(Habilitation habilitation, OrientationTicket ticket) =>
        habilitation.Active && habilitation.StructureId == ticket.ReceivingStructureId && CurrentWorker.Of(habilitation).WorksWithPeople;

    public static bool IsStuck(OrientationTicket ticket, DateOnly today, OrientationOptions options) =>
        ticket.Status == OrientationStatus.Pending && (ticket.RemindedOn is not null || today >= ticket.ProposedOn.AddDays(options.ReminderAfterDays));
}
