using Parcours.Audit;
using Parcours.Kernel;

namespace Parcours.Identity.Administering;

/// <summary>
/// Structures and habilitations are managed by administrators only. To anybody else the
/// administration answers exactly as if it did not exist (404), and the attempt is traced.
/// </summary>
public static class Administrators
{
    public static bool Includes(CurrentWorker worker) => worker.Has(Role.Administrator);

    public static async Task<Refusal> HiddenFromAsync(CurrentWorker worker, AuditTrail trail, string action, CancellationToken ct)
    {
        await trail.RecordAsync(AuditEntry.By(worker, action, Purpose, AuditOutcome.Refused), ct);
        return Refusal.NotFound();
    }

    public const string Purpose = "administration des structures et des habilitations";
}
