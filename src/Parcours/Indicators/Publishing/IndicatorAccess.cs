using Parcours.Identity;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Who reads the published indicators: statistics coordinators (who see nothing else) and
/// programme coordinators. Publications hold no person-level data, so anyone else signed in gets
/// a plain 403: the indicators' existence is no secret.
/// </summary>
public static class IndicatorAccess
{
    public static bool MayRead(CurrentWorker worker) =>
        worker.Has(Role.StatisticsCoordinator) || worker.Has(Role.ProgrammeCoordinator);
}
