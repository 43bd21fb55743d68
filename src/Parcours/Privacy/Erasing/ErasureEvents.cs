namespace Parcours.Privacy.Erasing;

/// <summary>Why a person is erased: their own request (RGPD art. 17), or the end of the retention period.</summary>
public enum ErasureGround
{
    Request,
    Retention,
}

/// <summary>
/// The person's data was erased: vault key and identity destroyed, protected event data masked,
/// identifying documents removed. Recorded on the person stream; holds no personal data.
/// </summary>
public sealed record PersonErased(Guid PersonId, DateOnly ErasedOn, ErasureGround Ground, DateTimeOffset ErasedAt, Guid? ErasedBy = null);

/// <summary>
/// The officer refused an erasure request because the data is needed for a public-interest task
/// (RGPD art. 17(3)(b)); <see cref="LegalReason"/> is the documented basis, never a note about the person.
/// </summary>
public sealed record ErasureRefused(Guid PersonId, string LegalReason, DateOnly RefusedOn, Guid RefusedBy, DateTimeOffset RefusedAt);
