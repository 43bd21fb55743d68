using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Privacy;

/// <summary>Who exercises the person's rights on their behalf: the data-protection officer.</summary>
public static class Officer
{
    public static bool Is(CurrentWorker? worker) => worker is not null && worker.Has(Role.DataProtectionOfficer);

    public static readonly Refusal OnlyOfficer =
        Refusal.Forbidden("Seul le délégué à la protection des données exerce les droits des personnes dans Parcours.");
}
