using Marten;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.People;

/// <summary>
/// How much of a person a worker sees: <see cref="View"/> is the widest view they have of the
/// person (their own structure identified them, or the view of one of their pathways);
/// <see cref="ContactsWithheld"/> when the person was identified inside a sealed structure the
/// worker is not part of (the Maison des Femmes' contact details never leave it).
/// </summary>
public sealed record PersonGrant(Person Person, PersonIdentity? Identity, PathwayView View, bool ContactsWithheld, IReadOnlyList<PathwayFile> VisiblePathways)
{
    /// <summary>The identity as this worker may read it: names and birth date always, contact details in the full view only.</summary>
    public PersonIdentity? VisibleIdentity =>
        Identity is null ? null
        : View == PathwayView.Full && !ContactsWithheld ? Identity
        : Identity with { Address = null, Phone = null, Email = null };
}

/// <summary>
/// A person is visible to the référents and coordinators of the structure that identified them,
/// and to whoever may see one of their pathways (<see cref="PathwayAccess"/>). Everything else,
/// including a person known only to the Maison des Femmes, answers as if the person did not exist.
/// </summary>
public static class PersonAccess
{
    public static async Task<PersonGrant?> LoadVisibleAsync(IQuerySession session, PersonVault vault, CurrentWorker worker, Guid personId, DateOnly today, CancellationToken ct)
    {
        if (!worker.WorksWithPeople) return null;
        var person = await session.LoadAsync<Person>(personId, ct);
        // An erased person is no one any more: their anonymous pathways stay, the person answers like an unknown id.
        if (person is null || person.ErasedOn is not null) return null;

        var identity = vault.Open(await session.LoadAsync<PersonKey>(personId, ct), await session.LoadAsync<SealedIdentity>(personId, ct));
        var adultOn = PathwayAccess.AdultOn(identity?.BirthDate);
        var files = await session.Query<PathwayFile>().Where(f => f.PersonId == personId).ToListAsync(ct);
        var visible = files
            .Select(f => (File: f, PathwayAccess.For(worker, f, today, adultOn).View))
            .Where(x => x.View != PathwayView.Hidden)
            .ToList();

        var ownPerson = person.StructureId == worker.StructureId && worker.FollowsCases;
        var view = ownPerson ? PathwayView.Full : visible.Select(x => x.View).DefaultIfEmpty(PathwayView.Hidden).Max();
        if (view == PathwayView.Hidden) return null;

        var identifiedInSealed = person.StructureId != worker.StructureId
            && await session.LoadAsync<Structure>(person.StructureId, ct) is { } identifying
            && identifying.Programmes.Any(PathwayAccess.IsSealed);
        return new PersonGrant(person, identity, view, identifiedInSealed, visible.Select(x => x.File).OrderBy(f => f.ReferredOn).ToList());
    }
}
