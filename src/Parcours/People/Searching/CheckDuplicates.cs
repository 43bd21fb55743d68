using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.People.Searching;

/// <summary>
/// The duplicate check before identifying someone new: people the worker may see whose name is
/// close to the one typed, those born the same day first. It runs the same search as
/// <see cref="SearchPeople"/>, so a person the worker may not see (a Maison des Femmes woman
/// outside the Maison des Femmes) is never proposed, and the work done does not depend on them.
/// </summary>
public static class CheckDuplicates
{
    public const int MaxProposals = 5;
    public const string Purpose = "duplicate-check";

    public static async Task<(IReadOnlyList<PersonMatch>? Matches, Refusal? Refusal)> RunAsync(
        PersonSearch search, IQuerySession session, AuditTrail trail, CurrentWorker worker, string? firstName, string? lastName, DateOnly? birthDate, DateOnly today, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(firstName) && string.IsNullOrWhiteSpace(lastName)) return (null, Refusal.Invalid("lastName", "Indiquez au moins le nom ou le prénom."));
        var (matches, refusal) = await SearchPeople.RunAsync(search, session, trail, worker, new SearchCriteria($"{firstName} {lastName}", PreferredBirthDate: birthDate), today, Purpose, ct);
        return (matches?.Take(MaxProposals).ToList(), refusal);
    }

    [WolverineGet("/api/people/duplicates", OperationId = "checkDuplicates")]
    public static async Task<IResult> Get(CurrentWorker worker, IQuerySession session, PersonSearch search, AuditTrail trail, TimeProvider time, CancellationToken ct,
        string? firstName = null, string? lastName = null, DateOnly? birthDate = null)
    {
        var (matches, refusal) = await RunAsync(search, session, trail, worker, firstName, lastName, birthDate, time.Today(), ct);
        return refusal is not null ? OutcomeResults.ToProblem(refusal) : Results.Ok(new SearchResults(matches!));
    }
}
