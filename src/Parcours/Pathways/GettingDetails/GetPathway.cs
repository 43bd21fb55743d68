using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Pathways.GettingDetails;

public sealed record PersonSummary(Guid Id, string? FirstName, string? LastName, DateOnly? BirthDate, Sex Sex);

public sealed record TimelineItem(DateOnly On, string Kind, string? Code, string? Text, Guid By, DateTimeOffset At);

public sealed record ActionItem(Guid ActionId, string Category, string Kind, DateOnly PlannedOn, DateOnly? DueOn, ActionStatus Status, DateOnly? DoneOn, string? Note);

/// <summary>The pathway file as a worker entitled to it reads it: identity and notes decrypted.</summary>
public sealed record PathwayDetails(
    Guid Id,
    long Version,
    PersonSummary Person,
    string Programme,
    string? Track,
    PathwayStatus Status,
    DateOnly ReferredOn,
    string ReferralSource,
    Guid? ReferringStructureId,
    string TerritoryCode,
    Guid ReferentStructureId,
    Guid? ReferentWorkerId,
    string AgeBand,
    string? Reason,
    DateOnly LastDate,
    string? Outcome,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<OrientationLine> Orientations,
    IReadOnlyList<TimelineItem> Timeline)
{
    /// <summary>Loads and decrypts a file, or null when it does not exist or the worker may not see it.</summary>
    public static async Task<PathwayDetails?> LoadAsync(IQuerySession session, PersonVault vault, CurrentWorker worker, Guid id, CancellationToken ct)
    {
        var file = await session.LoadAsync<PathwayFile>(id, ct);
        if (file is null || !PathwayAccess.CanSee(worker, file.ReferentStructureId)) return null;

        var key = await session.LoadAsync<PersonKey>(file.PersonId, ct);
        var identity = vault.Open(key, await session.LoadAsync<SealedIdentity>(file.PersonId, ct));
        return new PathwayDetails(
            file.Id, file.Version,
            new PersonSummary(file.PersonId, identity?.FirstName, identity?.LastName, identity?.BirthDate, file.Sex),
            file.Programme, file.Track, file.Status, file.ReferredOn, file.ReferralSource, file.ReferringStructureId, file.TerritoryCode,
            file.ReferentStructureId, file.ReferentWorkerId, file.AgeBand, vault.Decrypt(key, file.Reason), file.LastDate, file.Outcome,
            file.Actions.Select(a => new ActionItem(a.ActionId, a.Category, a.Kind, a.PlannedOn, a.DueOn, a.Status, a.DoneOn, vault.Decrypt(key, a.Note))).ToList(),
            file.Orientations,
            file.Timeline.Select(t => new TimelineItem(t.On, t.Kind, t.Code, vault.Decrypt(key, t.Text), t.By, t.At)).ToList());
    }
}

public static class GetPathwayEndpoint
{
    [WolverineGet("/api/pathways/{pathwayId}", OperationId = "getPathway")]
    public static async Task<IResult> Get(Guid pathwayId, CurrentWorker worker, IQuerySession session, PersonVault vault, CancellationToken ct) =>
        await PathwayDetails.LoadAsync(session, vault, worker, pathwayId, ct) is { } details
            ? Results.Ok(details)
            : OutcomeResults.ToProblem(Refusal.NotFound());
}
