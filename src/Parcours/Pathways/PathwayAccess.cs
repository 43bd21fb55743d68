using Parcours.Identity;
using Parcours.Pathways.Reading;

namespace Parcours.Pathways;

/// <summary>How much of a pathway a worker sees. Hidden answers exactly like a pathway that does not exist.</summary>
public enum PathwayView
{
    Hidden,
    /// <summary>Facts without free text, family or contact details (a school, France Travail).</summary>
    Summary,
    Full,
}

/// <summary>
/// What a worker may do with one pathway: the view, whether they may change it, which special
/// categories (youth justice, health) they may read in it, and on what ground (for the access
/// trail: <c>referent</c>, <c>team:{purpose}</c> or <c>hidden</c>).
/// </summary>
public sealed record PathwayGrant(PathwayView View, bool MayAct, IReadOnlySet<SpecialCategory> Entitlements, string Ground)
{
    public static readonly PathwayGrant None = new(PathwayView.Hidden, false, new HashSet<SpecialCategory>(), "hidden");

    public bool Sees => View != PathwayView.Hidden;

    public bool IsEntitledTo(SpecialCategory category) => Entitlements.Contains(category);
}

/// <summary>
/// The one place that decides who sees a pathway and how much. Every read (file, list, person,
/// page) and every command goes through <see cref="For(CurrentWorker, string, Guid, CaseSharing, DateOnly, DateOnly?)"/>.
/// <list type="bullet">
/// <item>Only workers who follow people (référent, programme coordinator) or partners see any
/// pathway: statistics coordinators, administrators and the data-protection officer never do.</item>
/// <item>The referent structure's référents and coordinators see the whole file and change it.</item>
/// <item>A structure on the case team sees it while a consent covering it and the member's
/// purpose counts today; a partner without special entitlements gets the summary only.</item>
/// <item>An archived pathway (retention) is read only by the programme coordinator of its referent
/// structure, and changed by nobody.</item>
/// <item>A Maison des Femmes pathway is sealed: nobody outside its structure sees it, team or not.</item>
/// </list>
/// </summary>
public static class PathwayAccess
{
    /// <summary>The programme whose cases are sealed (Maison des Femmes).</summary>
    public const string SealedProgramme = "MDF";

    public static bool IsSealed(string programme) => programme == SealedProgramme;

    /// <summary>The day a person comes of age, from their birth date (null when the identity is erased).</summary>
    public static DateOnly? AdultOn(DateOnly? birthDate) => birthDate?.AddYears(18);

    /// <summary>Ground of the programme coordinator's read of an archived pathway (for the access trail).</summary>
    public const string ArchiveGround = "archive";

    public static PathwayGrant For(CurrentWorker worker, string programme, Guid referentStructureId, CaseSharing sharing, DateOnly today, DateOnly? adultOn, bool archived = false)
    {
        if (!worker.WorksWithPeople) return PathwayGrant.None;
        // The restricted archive: only the programme coordinator of the referent structure reads it
        // (the officer reads it through the retention queue); nobody changes it.
        if (archived)
        {
            return worker.StructureId == referentStructureId && worker.Has(Role.ProgrammeCoordinator)
                ? new PathwayGrant(PathwayView.Full, false, worker.Entitlements, ArchiveGround)
                : PathwayGrant.None;
        }
        var entitlements = worker.Entitlements;
        if (worker.StructureId == referentStructureId)
        {
            return worker.FollowsCases ? new PathwayGrant(PathwayView.Full, true, entitlements, "referent") : PathwayGrant.None;
        }
        if (IsSealed(programme)) return PathwayGrant.None;

        var member = sharing.MemberOf(worker.StructureId);
        if (member is null || sharing.CoveringConsent(member.StructureId, member.Purpose, today, adultOn) is null) return PathwayGrant.None;
        var view = worker.FollowsCases || (worker.Has(Role.Partner) && entitlements.Count > 0) ? PathwayView.Full : PathwayView.Summary;
        return new PathwayGrant(view, false, entitlements, $"team:{member.Purpose}");
    }

    public static PathwayGrant For(CurrentWorker worker, Pathway pathway, DateOnly today, DateOnly? adultOn) =>
        For(worker, pathway.Programme, pathway.ReferentStructureId, pathway.Sharing, today, adultOn, pathway.Archived);

    public static PathwayGrant For(CurrentWorker worker, PathwayFile file, DateOnly today, DateOnly? adultOn) =>
        For(worker, file.Programme, file.ReferentStructureId, file.Sharing, today, adultOn, file.Archived);

    /// <summary>
    /// The referent structure whose pathways the worker sees without a team (their own), or null.
    /// The caseload filters on it in SQL; it is the first rule of <c>For</c>.
    /// </summary>
    public static Guid? OwnStructure(CurrentWorker worker) => worker.FollowsCases ? worker.StructureId : null;
}
