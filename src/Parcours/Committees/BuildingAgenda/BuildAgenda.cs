using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.BuildingAgenda;

/// <summary>Lists every eligible pathway not yet on the sitting's agenda (running it again adds only what became eligible).</summary>
public sealed record BuildAgenda(Guid CommitteeId, long? ExpectedVersion, CurrentWorker Actor);

public sealed record BuildAgendaRequest(long? ExpectedVersion);

public static class BuildAgendaHandler
{
    public static async Task<CommandOutcome> Handle(BuildAgenda command, IDocumentSession session, PersonVault vault, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var committee = await session.Events.AggregateStreamAsync<Committee>(command.CommitteeId, token: ct);
        var eligible = committee is null
            ? []
            : await AgendaEligibility.FindAsync(session, vault, committee.Kind, committee.TerritoryCode, committee.SittingOn, AgendaEligibility.ReviewEveryMonths(configuration), ct);
        return await session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            c => Decide(c, eligible, command.Actor, time.GetUtcNow(), Guid.CreateVersion7), ct);
    }

    public static Decision Decide(Committee committee, IReadOnlyList<(Guid PathwayId, AgendaReason Reason)> eligible, CurrentWorker by, DateTimeOffset now, Func<Guid> newId)
    {
        if (AgendaRules.StatusAllows(committee, "construire l'ordre du jour", CommitteeStatus.Scheduled) is { } refusal) return refusal;
        var listed = committee.ListedPathways.ToHashSet();
        return new Decision(eligible
            .Where(e => !listed.Contains(e.PathwayId))
            .Select(e => (object)new AgendaItemAdded(committee.Id, newId(), e.PathwayId, e.Reason, by.Id, now))
            .ToList(), null);
    }
}

public static class BuildAgendaEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/agenda/build", OperationId = "buildAgenda")]
    public static async Task<IResult> Post(Guid committeeId, BuildAgendaRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new BuildAgenda(committeeId, request.ExpectedVersion, worker))).ToResult();
}
