using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Orienting;

/// <summary>Proposes to orient the person towards a destination (CEJ, AFPA Promo 16-18, Maison des Femmes…).</summary>
public sealed record ProposeOrientation(Guid PathwayId, long? ExpectedVersion, Guid OrientationId, string Destination, DateOnly ProposedOn, string? Note, CurrentWorker Actor);

public sealed record ProposeOrientationRequest(long? ExpectedVersion, string Destination, DateOnly ProposedOn, string? Note);

public static class ProposeOrientationHandler
{
    public static async Task<CommandOutcome> Handle(ProposeOrientation command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var destinationExists = await session.CodeExistsAsync(CodeLists.Destination, command.Destination, ct);
        return await session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, destinationExists, time.Today(), time.GetUtcNow(), seal), ct);
    }

    public static Decision Decide(Pathway pathway, ProposeOrientation c, bool destinationExists, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        PathwayRules.KnownCode(c.Destination, destinationExists, "destination", "Destination")
        ?? PathwayRules.TooLong(c.Note, "note")
        ?? PathwayRules.StatusIs(pathway, "proposer une orientation", PathwayStatus.Referred, PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended)
        ?? PathwayRules.ValidDate(pathway, c.ProposedOn, today, "proposedOn")
        ?? Decision.Accept(new OrientationProposed(pathway.Id, c.OrientationId, c.Destination, c.ProposedOn, seal(c.Note), c.Actor.Id, now));
}

public static class ProposeOrientationEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/orientations", OperationId = "proposeOrientation")]
    public static async Task<IResult> Post(Guid pathwayId, ProposeOrientationRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var orientationId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ProposeOrientation(pathwayId, request.ExpectedVersion, orientationId,
            request.Destination, request.ProposedOn, request.Note, worker));
        return outcome.ToCreatedResult($"/api/pathways/{pathwayId}/orientations/{orientationId}");
    }
}
