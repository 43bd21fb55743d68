using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.BuildingAgenda;

/// <summary>
/// A convener puts one pathway on the agenda by its id. The pathway must be one they see, or one
/// eligible for the sitting; an unknown, hidden or sealed pathway is answered alike (404).
/// </summary>
public sealed record AddAgendaItem(Guid CommitteeId, long? ExpectedVersion, Guid ItemId, Guid PathwayId, CurrentWorker Actor);

public sealed record AddAgendaItemRequest(long? ExpectedVersion, Guid PathwayId);

public static class AddAgendaItemHandler
{
    public const string RefusedAction = "committee.agenda.add";

    public static async Task<CommandOutcome> Handle(AddAgendaItem command, IDocumentSession session, PersonVault vault, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var committee = await session.Events.AggregateStreamAsync<Committee>(command.CommitteeId, token: ct);
        if (committee is null || !CommitteeAccess.SitsOn(command.Actor, committee)) return CommandOutcome.Refused(Refusal.NotFound());

        var file = await session.LoadAsync<PathwayFile>(command.PathwayId, ct);
        if (file is null || !await MayListAsync(session, vault, file, committee, command.Actor, time.Today(), AgendaEligibility.ReviewEveryMonths(configuration), ct))
        {
            AuditTrail.Record(session, AuditEntry.By(command.Actor, RefusedAction, $"committee:{command.CommitteeId}", AuditOutcome.Refused, command.PathwayId));
            return CommandOutcome.Refused(Refusal.NotFound());
        }

        return await session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            c => Decide(c, command, file.Status, time.GetUtcNow()), ct);
    }

    private static async Task<bool> MayListAsync(IDocumentSession session, PersonVault vault, PathwayFile file, Committee committee, CurrentWorker worker,
        DateOnly today, int reviewEveryMonths, CancellationToken ct)
    {
        if (!CommitteeAccess.MayBeListed(file.Programme)) return false;
        var identity = vault.Open(await session.LoadAsync<PersonKey>(file.PersonId, ct), await session.LoadAsync<SealedIdentity>(file.PersonId, ct));
        return PathwayAccess.For(worker, file, today, PathwayAccess.AdultOn(identity?.BirthDate)).Sees
            || await AgendaEligibility.IsEligibleAsync(session, vault, file, committee.Kind, committee.TerritoryCode, committee.SittingOn, reviewEveryMonths, ct);
    }

    public static Decision Decide(Committee committee, AddAgendaItem c, PathwayStatus pathwayStatus, DateTimeOffset now)
    {
        if (AgendaRules.StatusAllows(committee, "ajouter un dossier", CommitteeStatus.Scheduled, CommitteeStatus.InSession) is { } refusal) return refusal;
        if (committee.ListedPathways.Contains(c.PathwayId))
            return Refusal.Conflict("Ce parcours est déjà inscrit à l'ordre du jour de cette instance.");
        if (pathwayStatus is PathwayStatus.Exited or PathwayStatus.Declined)
            return Refusal.Rule("Ce parcours est clos : il ne peut pas être inscrit à l'ordre du jour.", "pathwayId");
        return Decision.Accept(new AgendaItemAdded(committee.Id, c.ItemId, c.PathwayId, AgendaReason.AddedByCoordinator, c.Actor.Id, now));
    }
}

public static class AddAgendaItemEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/agenda/items", OperationId = "addAgendaItem")]
    public static async Task<IResult> Post(Guid committeeId, AddAgendaItemRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var itemId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new AddAgendaItem(committeeId, request.ExpectedVersion, itemId, request.PathwayId, worker));
        return outcome.ToCreatedResult($"/api/committees/{committeeId}/agenda/items/{itemId}");
    }
}
