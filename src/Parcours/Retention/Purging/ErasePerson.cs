using Parcours.Identity;

namespace Parcours.Retention.Purging;

/// <summary>Why a person is erased: at their request, or because the retention period ran out.</summary>
public enum ErasureGround
{
    Request,
    Retention,
}

/// <summary>
/// Erase (anonymise) a person: the erasure capability handles it. Retention sends it, with no
/// actor, when all of a person's pathways reached the end of their archive period.
/// </summary>
public sealed record ErasePerson(Guid PersonId, ErasureGround Ground, CurrentWorker? Actor);
