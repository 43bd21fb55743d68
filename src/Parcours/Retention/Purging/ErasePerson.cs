using Parcours.Identity;

namespace Parcours.Privacy.Erasing;

/// <summary>
/// Erase (anonymise) a person, handled by the erasure capability (<c>Privacy/Erasing</c>).
/// Retention sends it, with no actor, when all of a person's pathways reached the end of their
/// archive period. Stand-in until the erasure capability is merged: then this file goes.
/// </summary>
public sealed record ErasePerson(Guid PersonId, ErasureGround Ground, CurrentWorker? Actor);
