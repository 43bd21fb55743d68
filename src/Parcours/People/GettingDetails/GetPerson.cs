using Marten;
using Parcours.Audit;
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
    public const string ReadAction = "person.read";

    /// <summary>Loads a person as the worker may read them, or null; traced either way.</summary>
    public static async Task<PersonDetails?> LoadAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, Guid personId, DateOnly today, CancellationToken ct)
    {
        var grant = await PersonAccess.LoadVisibleAsync(session, vault, worker, personId, today, ct);
        await trail.RecordAsync(AuditEntry.By(worker, ReadAction, grant is null ? "hidden" : grant.View.ToString().ToLowerInvariant(),
            grant is null ? AuditOutcome.Refused : AuditOutcome.Allowed, personId: personId), ct);
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
    public static async Task<IResult> Get(Guid personId, CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time, CancellationToken ct) =>
        await PersonDetails.LoadAsync(session, vault, trail, worker, personId, time.Today(), ct) is { } details
            ? Results.Ok(details)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
