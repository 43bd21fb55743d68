using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.People.Searching;

public sealed record SearchResults(IReadOnlyList<PersonMatch> People);

/// <summary>
/// « Rechercher une personne »: by name (accents, case, hyphens and common misspellings do not
/// matter), birth date and neighbourhood, among the people the worker may see. Traced as one
/// entry (the purpose, never the query text nor who was found).
/// </summary>
public static class SearchPeople
{
    public const string Action = "person.search";

    public static Refusal? Check(SearchCriteria criteria) =>
        criteria.IsEmpty ? Refusal.Invalid("q", "Indiquez un nom, une date de naissance ou un quartier.")
        : criteria.Name is { Length: > 200 } ? Refusal.Invalid("q", "Le nom recherché dépasse 200 caractères.")
        : criteria.Territory is { Length: > 100 } ? Refusal.Invalid("quartier", "Quartier inconnu.")
        : null;

    public static async Task<(IReadOnlyList<PersonMatch>? Matches, Refusal? Refusal)> RunAsync(
        PersonSearch search, IQuerySession session, AuditTrail trail, CurrentWorker worker, SearchCriteria criteria, DateOnly today, string purpose, CancellationToken ct)
    {
        if (!worker.WorksWithPeople)
        {
            await trail.RecordAsync(AuditEntry.By(worker, Action, purpose, AuditOutcome.Refused), ct);
            return (null, Refusal.NotFound());
        }
        if (Check(criteria) is { } invalid) return (null, invalid);
        await trail.RecordAsync(AuditEntry.By(worker, Action, purpose, AuditOutcome.Allowed), ct);
        var (matches, _) = await search.FindAsync(session, worker, criteria, today, ct);
        return (matches, null);
    }

    [WolverineGet("/api/people/search", OperationId = "searchPeople")]
    public static async Task<IResult> Get(CurrentWorker worker, IQuerySession session, PersonSearch search, AuditTrail trail, TimeProvider time, CancellationToken ct,
        string? q = null, DateOnly? birthDate = null, string? quartier = null)
    {
        var (matches, refusal) = await RunAsync(search, session, trail, worker, new SearchCriteria(q, birthDate, quartier), time.Today(), "search", ct);
        return refusal is not null ? OutcomeResults.ToProblem(refusal) : Results.Ok(new SearchResults(matches!));
    }
}
