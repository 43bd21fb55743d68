using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Planning;

/// <summary>Plans an action of the pathway: a PRE axis or a SAS "à la carte" content, and its kind.</summary>
public sealed record PlanAction(
    Guid PathwayId,
    long? ExpectedVersion,
    Guid ActionId,
    string Category,
    string Kind,
    DateOnly PlannedOn,
    DateOnly? DueOn,
    string? Note,
    CurrentWorker Actor);

public sealed record PlanActionRequest(long? ExpectedVersion, string Category, string Kind, DateOnly PlannedOn, DateOnly? DueOn, string? Note);

public static class PlanActionHandler
{
    public static async Task<CommandOutcome> Handle(PlanAction command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var categories = await session.Query<CodeListItem>()
            .Where(c => c.List == CodeLists.ActionCategory && c.Active)
            .ToListAsync(ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, categories, time.Today(), time.GetUtcNow(), seal), ct);
    }

    public static Decision Decide(Pathway pathway, PlanAction c, IReadOnlyCollection<CodeListItem> categories, DateOnly today, DateTimeOffset now, NoteSealer seal)
    {
        var refusal = PathwayRules.Required(c.Category, "category", "Axe ou contenu")
                      ?? PathwayRules.Required(c.Kind, "kind", "Action")
                      ?? PathwayRules.TooLong(c.Kind, "kind", 200)
                      ?? PathwayRules.TooLong(c.Note, "note")
                      ?? PathwayRules.StatusIs(pathway, "prévoir une action", PathwayStatus.Accepted, PathwayStatus.Active)
                      ?? PathwayRules.ValidDate(pathway, c.PlannedOn, today, "plannedOn")
                      ?? (c.DueOn < c.PlannedOn ? Refusal.Invalid("dueOn", "L'échéance ne peut pas précéder la date de planification.") : null);
        if (refusal is not null) return refusal;

        var programmeCategories = categories.Where(x => x.Programme == pathway.Programme).ToList();
        if (programmeCategories.Count > 0 && programmeCategories.All(x => x.Code != c.Category))
        {
            return Refusal.Invalid("category",
                $"Pour ce dispositif, l'axe ou contenu doit être l'un de : {string.Join(", ", programmeCategories.Select(x => $"{x.Code} ({x.Label})"))}.");
        }
        if (pathway.Actions.ContainsKey(c.ActionId)) return Refusal.Conflict("Cette action existe déjà.");

        return Decision.Accept(new ActionPlanned(pathway.Id, c.ActionId, c.Category, c.Kind.Trim(), c.PlannedOn, c.DueOn, seal(c.Note), c.Actor.Id, now));
    }
}

public static class PlanActionEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/actions", OperationId = "planAction")]
    public static async Task<IResult> Post(Guid pathwayId, PlanActionRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var actionId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new PlanAction(pathwayId, request.ExpectedVersion, actionId,
            request.Category, request.Kind, request.PlannedOn, request.DueOn, request.Note, worker));
        return outcome.ToCreatedResult($"/api/pathways/{pathwayId}/actions/{actionId}");
    }
}
