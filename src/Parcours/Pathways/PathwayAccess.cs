using Parcours.Identity;

namespace Parcours.Pathways;

/// <summary>
/// Who may see and act on a pathway. For now: the workers of its referent structure. The
/// habilitation issue widens this to case teams and consents; every caller goes through here.
/// </summary>
public static class PathwayAccess
{
    public static bool CanSee(CurrentWorker worker, Guid referentStructureId) => worker.StructureId == referentStructureId;

    public static bool CanAct(CurrentWorker worker, Pathway pathway) => CanSee(worker, pathway.ReferentStructureId);
}
