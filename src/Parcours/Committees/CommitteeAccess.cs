using Parcours.Identity;
using Parcours.Pathways;

namespace Parcours.Committees;

/// <summary>
/// Who may do what with a committee sitting. The one place the committee rules live; handlers,
/// pages and documents all ask it.
/// <list type="bullet">
/// <item>The programme coordinators of its owner structures convene it: schedule, invite, build
/// the agenda, chair the session, issue the minutes.</item>
/// <item>Committee members of an invited structure (or invited by name) sit on it. Anyone else
/// gets 404, like a sitting that does not exist.</item>
/// <item>Nobody sees a named item before acknowledging the confidentiality charter for this sitting.
/// After it, an item is named only under a consent to committee examination that counts on the
/// day, or for the structure that follows the pathway (it knows the person already).
/// Otherwise the item is anonymised and the file cannot be opened from it.</item>
/// <item>Maison des Femmes pathways are sealed: never on an agenda.</item>
/// </list>
/// </summary>
public static class CommitteeAccess
{
    /// <summary>The confidentiality charter's version members acknowledge.</summary>
    public const string CharterVersion = "2026-1";

    public static bool Convenes(CurrentWorker worker, IReadOnlyCollection<Guid> ownerStructures) =>
        worker.Has(Role.ProgrammeCoordinator) && ownerStructures.Contains(worker.StructureId);

    public static bool Convenes(CurrentWorker worker, Committee committee) => Convenes(worker, committee.OwnerStructures);

    public static bool SitsOn(CurrentWorker worker, IReadOnlyCollection<Guid> ownerStructures, IReadOnlyCollection<Guid> invitedStructures, IReadOnlyCollection<Guid> invitedPeople) =>
        Convenes(worker, ownerStructures)
        || (worker.Has(Role.CommitteeMember) && (invitedStructures.Contains(worker.StructureId) || invitedPeople.Contains(worker.Id)));

    public static bool SitsOn(CurrentWorker worker, Committee committee) =>
        SitsOn(worker, committee.OwnerStructures, committee.InvitedStructures, committee.InvitedPeople);

    /// <summary>
    /// Whether an item about this pathway shows the person's name to this member: charter
    /// acknowledged, and a committee-examination consent counting today or the member's own
    /// structure following the pathway.
    /// </summary>
    public static bool SeesNamed(CurrentWorker worker, bool charterAcknowledged, Guid referentStructureId, CaseSharing sharing, DateOnly today, DateOnly? adultOn) =>
        charterAcknowledged
        && ((worker.FollowsCases && worker.StructureId == referentStructureId) || HasCommitteeConsent(sharing, today, adultOn));

    /// <summary>A consent to examination by a committee that counts on the day (given by the right people, not withdrawn or expired).</summary>
    public static bool HasCommitteeConsent(CaseSharing sharing, DateOnly today, DateOnly? adultOn) =>
        sharing.Consents.Any(c => c.Purpose == ConsentPurpose.CommitteeExamination && c.CountsOn(today, adultOn));

    public static bool MayBeListed(string programme) => !PathwayAccess.IsSealed(programme);
}
