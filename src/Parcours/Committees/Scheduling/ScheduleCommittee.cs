using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Scheduling;

/// <summary>Schedules one sitting outside the generated calendar. Time and place default to the kind's usual ones.</summary>
public sealed record ScheduleCommittee(Guid CommitteeId, CommitteeKind? Kind, string? TerritoryCode, DateOnly SittingOn, TimeOnly? StartsAt, string? Place, CurrentWorker Actor);

public sealed record ScheduleCommitteeRequest(CommitteeKind? Kind, string? TerritoryCode, DateOnly SittingOn, TimeOnly? StartsAt, string? Place);

public static class ScheduleCommitteeHandler
{
    public static async Task<CommandOutcome> Handle(ScheduleCommittee command, IDocumentSession session, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var territory = string.IsNullOrWhiteSpace(command.TerritoryCode) ? null : await session.LoadAsync<Territory>(command.TerritoryCode.Trim(), ct);
        var decision = Decide(command, territory, CalendarSettings.From(configuration), time.Today(), time.GetUtcNow());
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);
        session.Events.StartStream<Committee>(command.CommitteeId, decision.Events.ToArray());
        return new CommandOutcome(command.CommitteeId, decision.Events.Count, null);
    }

    public static Decision Decide(ScheduleCommittee c, Territory? territory, CalendarSettings settings, DateOnly today, DateTimeOffset now)
    {
        if (c.Kind is not { } kind) return Refusal.Invalid("kind", "Le type d'instance est obligatoire.");
        if (!CommitteeAccess.Convenes(c.Actor, CommitteeKinds.OwnersOf(kind)))
        {
            return Refusal.Forbidden($"Seuls les coordinateurs des structures qui l'organisent peuvent programmer un(e) « {CommitteeKinds.Label(kind)} ».");
        }
        var rule = settings.RuleFor(kind);
        var place = string.IsNullOrWhiteSpace(c.Place) ? rule.Place : c.Place.Trim();
        return SittingRules.SittingDate(c.SittingOn, today)
               ?? Neighbourhood(kind, c.TerritoryCode, territory, c.SittingOn)
               ?? SittingRules.Place(place)
               ?? Decision.Accept(new CommitteeScheduled(c.CommitteeId, kind, territory?.Id, c.SittingOn, c.StartsAt ?? rule.StartsAt, place,
                   CommitteeKinds.OwnersOf(kind), c.Actor.Id, now));
    }

    /// <summary>A PRE team sits for one priority neighbourhood that exists on the day; admission committees for none.</summary>
    public static Refusal? Neighbourhood(CommitteeKind kind, string? code, Territory? territory, DateOnly on)
    {
        if (!CommitteeKinds.IsPerNeighbourhood(kind))
        {
            return string.IsNullOrWhiteSpace(code) ? null : Refusal.Invalid("territoryCode", "Seule une équipe pluridisciplinaire PRE se tient par quartier.");
        }
        if (string.IsNullOrWhiteSpace(code)) return Refusal.Invalid("territoryCode", "Le quartier prioritaire est obligatoire pour une équipe pluridisciplinaire PRE.");
        if (territory is null) return Refusal.Invalid("territoryCode", $"Quartier inconnu : « {code} ».");
        return territory.Kind == TerritoryKind.Qpv && territory.IsValidOn(on)
            ? null
            : Refusal.Rule($"« {territory.Label} » n'est pas un quartier prioritaire à cette date.", "territoryCode");
    }
}

public static class ScheduleCommitteeEndpoint
{
    [WolverinePost("/api/committees", OperationId = "scheduleCommittee")]
    public static async Task<IResult> Post(ScheduleCommitteeRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var id = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ScheduleCommittee(id, request.Kind, request.TerritoryCode, request.SittingOn, request.StartsAt, request.Place, worker));
        return outcome.ToCreatedResult($"/api/committees/{id}");
    }
}
