using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.People.GettingDetails;

public sealed record PathwaySummary(Guid PathwayId, string Programme, PathwayStatus Status, DateOnly ReferredOn, DateOnly LastDate);

public sealed record LinkedPerson(Guid PersonId, FamilyRelation Relation, string? DisplayName);

/// <summary>
/// A person with the pathways the worker may see. Family links (and contact details) belong to
/// the full view; a link recorded inside the Maison des Femmes, or to someone the worker may not
/// see, is absent.
/// </summary>
public sealed record PersonDetails(Guid Id, PathwayView View, PersonIdentity? Identity, Sex Sex, IReadOnlyList<PathwaySummary> Pathways, IReadOnlyList<LinkedPerson> Links)
{
    public static async Task<PersonDetails?> LoadAsync(IQuerySession session, PersonVault vault, CurrentWorker worker, Guid personId, DateOnly today, CancellationToken ct)
    {
        var grant = await PersonAccess.LoadVisibleAsync(session, vault, worker, personId, today, ct);
        if (grant is null) return null;

        var links = new List<LinkedPerson>();
        if (grant.View == PathwayView.Full)
        {
            foreach (var link in grant.Person.Links.Where(l => l.SealedIn is null || l.SealedIn == worker.StructureId))
            {
                if (await PersonAccess.LoadVisibleAsync(session, vault, worker, link.RelatedPersonId, today, ct) is { } related)
                {
                    links.Add(new LinkedPerson(link.RelatedPersonId, link.Relation, related.Identity?.DisplayName));
                }
            }
        }
        return new PersonDetails(
            grant.Person.Id,
            grant.View,
            grant.VisibleIdentity,
            grant.Person.Sex,
            grant.VisiblePathways.Select(f => new PathwaySummary(f.Id, f.Programme, f.Status, f.ReferredOn, f.LastDate)).ToList(),
            links);
    }
}

public static class GetPersonEndpoint
{
    [WolverineGet("/api/people/{personId}", OperationId = "getPerson")]
    public static async Task<IResult> Get(Guid personId, CurrentWorker worker, IQuerySession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        await PersonDetails.LoadAsync(session, vault, worker, personId, time.Today(), ct) is { } details
            ? Results.Ok(details)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
