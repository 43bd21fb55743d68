using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Retention;

/// <summary>Only the data-protection officer manages retention (the queue, postponements, the archive).</summary>
public static class RetentionAccess
{
    public static bool Manages(CurrentWorker worker) => worker.Has(Role.DataProtectionOfficer);

    public static readonly Refusal OfficerOnly =
        Refusal.Forbidden("Seul le délégué à la protection des données gère la conservation des données.");
}
