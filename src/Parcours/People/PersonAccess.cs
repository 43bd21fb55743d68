using Marten;
using Parcours.Identity;
using Parcours.Pathways.Reading;

namespace Parcours.People;

/// <summary>
/// A person is visible to the workers of the structure that identified them and to those who
/// may see one of their pathways. Everything else answers as if the person did not exist.
/// </summary>
public static class PersonAccess
{
    public static async Task<Person?> LoadVisibleAsync(IQuerySession session, CurrentWorker worker, Guid personId, CancellationToken ct)
    {
        var person = await session.LoadAsync<Person>(personId, ct);
        if (person is null) return null;
        if (person.StructureId == worker.StructureId) return person;
        var seesAPathway = await session.Query<PathwayFile>()
            .AnyAsync(f => f.PersonId == personId && f.ReferentStructureId == worker.StructureId, ct);
        return seesAPathway ? person : null;
    }
}
