using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Starting;

/// <summary>Accompaniment starts with a named referent worker of the referent structure.</summary>
public sealed record StartAccompaniment(Guid PathwayId, long? ExpectedVersion, DateOnly StartedOn, Guid ReferentWorkerId, CurrentWorker Actor);

public sealed record StartAccompanimentRequest(long? ExpectedVersion, DateOnly StartedOn, Guid ReferentWorkerId);

public static class StartAccompanimentHandler
{
    public static async Task<CommandOutcome> Handle(StartAccompaniment command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var referent = await session.LoadAsync<Habilitation>(command.ReferentWorkerId, ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, _) => Decide(pathway, command, referent, time.Today(), time.GetUtcNow()), ct);
    }

    public static Decision Decide(Pathway pathway, StartAccompaniment c, Habilitation? referent, DateOnly today, DateTimeOffset now) =>
        (referent is null ? Refusal.Invalid("referentWorkerId", "Référent inconnu.") : null)
        ?? (referent!.StructureId != pathway.ReferentStructureId
            ? Refusal.Rule("Le référent doit appartenir à la structure référente du parcours.", "referentWorkerId")
            : null)
        ?? PathwayRules.StatusIs(pathway, "démarrer l'accompagnement", PathwayStatus.Accepted)
        ?? PathwayRules.ValidDate(pathway, c.StartedOn, today, "startedOn")
        ?? PathwayRules.NotBeforeStatusChange(pathway, c.StartedOn, "startedOn")
        ?? Decision.Accept(new AccompanimentStarted(pathway.Id, c.StartedOn, c.ReferentWorkerId, c.Actor.Id, now));
}

public static class StartAccompanimentEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/accompaniment", OperationId = "startAccompaniment")]
    public static async Task<IResult> Post(Guid pathwayId, StartAccompanimentRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new StartAccompaniment(pathwayId, request.ExpectedVersion, request.StartedOn, request.ReferentWorkerId, worker))).ToResult();
}
