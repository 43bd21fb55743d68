using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.People.GettingDetails;

public sealed record PathwaySummary(Guid PathwayId, string Programme, PathwayStatus Status, DateOnly ReferredOn, DateOnly LastDate);

public sealed record LinkedPerson(Guid PersonId, FamilyRelation Relation, string? DisplayName);

/// <summary>A person with the pathways and relatives the worker may see; nothing of the others.</summary>
public sealed record PersonDetails(Guid Id, PersonIdentity? Identity, Sex Sex, IReadOnlyList<PathwaySummary> Pathways, IReadOnlyList<LinkedPerson> Links)
{
    public static async Task<PersonDetails?> LoadAsync(IQuerySession session, PersonVault vault, CurrentWorker worker, Guid personId, CancellationToken ct)
    {
        var person = await PersonAccess.LoadVisibleAsync(session, worker, personId, ct);
        if (person is null) return null;

        var pathways = await session.Query<PathwayFile>()
            .Where(f => f.PersonId == personId && f.ReferentStructureId == worker.StructureId)
            .OrderBy(f => f.ReferredOn)
            .ToListAsync(ct);
        var visibleLinks = new List<FamilyLink>();
        foreach (var link in person.Links)
        {
            if (await PersonAccess.LoadVisibleAsync(session, worker, link.RelatedPersonId, ct) is not null) visibleLinks.Add(link);
        }
        var identities = await vault.OpenManyAsync(session, [personId, .. visibleLinks.Select(l => l.RelatedPersonId)], ct);
        return new PersonDetails(
            person.Id,
            identities.GetValueOrDefault(personId),
            person.Sex,
            pathways.Select(f => new PathwaySummary(f.Id, f.Programme, f.Status, f.ReferredOn, f.LastDate)).ToList(),
            visibleLinks.Select(l => new LinkedPerson(l.RelatedPersonId, l.Relation, identities.GetValueOrDefault(l.RelatedPersonId)?.DisplayName)).ToList());
    }
}

public static class GetPersonEndpoint
{
    [WolverineGet("/api/people/{personId}", OperationId = "getPerson")]
    public static async Task<IResult> Get(Guid personId, CurrentWorker worker, IQuerySession session, PersonVault vault, CancellationToken ct) =>
        await PersonDetails.LoadAsync(session, vault, worker, personId, ct) is { } details
            ? Results.Ok(details)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
