using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Scheduling;

/// <summary>Moves a sitting (date, time, place); not into the past, not once it has started, closed or been cancelled.</summary>
public sealed record RescheduleCommittee(Guid CommitteeId, long? ExpectedVersion, DateOnly SittingOn, TimeOnly? StartsAt, string? Place, CurrentWorker Actor);

public sealed record RescheduleCommitteeRequest(long? ExpectedVersion, DateOnly SittingOn, TimeOnly? StartsAt, string? Place);

public static class RescheduleCommitteeHandler
{
    public static async Task<CommandOutcome> Handle(RescheduleCommittee command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var neighbourhoods = (await session.Query<Territory>().Where(t => t.Kind == TerritoryKind.Qpv).ToListAsync(ct)).ToDictionary(t => t.Id);
        return await session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command, committee.TerritoryCode is { } code ? neighbourhoods.GetValueOrDefault(code) : null, time.Today(), time.GetUtcNow()), ct);
    }

    /// <param name="territory">A PRE team's neighbourhood: it must still be a priority neighbourhood on the new day.</param>
    public static Decision Decide(Committee committee, RescheduleCommittee c, Territory? territory, DateOnly today, DateTimeOffset now) =>
        SittingRules.StatusIs(committee, "déplacer l'instance", CommitteeStatus.Scheduled)
        ?? SittingRules.SittingDate(c.SittingOn, today)
        ?? ScheduleCommitteeHandler.Neighbourhood(committee.Kind, committee.TerritoryCode, territory, c.SittingOn)
        ?? (c.StartsAt is null ? Refusal.Invalid("startsAt", "L'heure de début est obligatoire.") : null)
        ?? SittingRules.Place(c.Place)
        ?? Decision.Accept(new CommitteeRescheduled(committee.Id, c.SittingOn, c.StartsAt!.Value, c.Place!.Trim(), c.Actor.Id, now));
}

public static class RescheduleCommitteeEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/reschedule", OperationId = "rescheduleCommittee")]
    public static async Task<IResult> Post(Guid committeeId, RescheduleCommitteeRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RescheduleCommittee(committeeId, request.ExpectedVersion, request.SittingOn, request.StartsAt, request.Place, worker))).ToResult();
}
