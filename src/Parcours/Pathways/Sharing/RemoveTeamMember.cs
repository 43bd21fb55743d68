using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Sharing;

/// <summary>Takes a structure off the case team; allowed whatever the pathway's status (sharing less is always possible).</summary>
public sealed record RemoveTeamMember(Guid PathwayId, long? ExpectedVersion, Guid StructureId, CurrentWorker Actor);

public sealed record RemoveTeamMemberRequest(long? ExpectedVersion);

public static class RemoveTeamMemberHandler
{
    public static Task<CommandOutcome> Handle(RemoveTeamMember command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, _) => Decide(pathway, command, time.Today(), time.GetUtcNow()), ct, "team.member-removed");

    public static Decision Decide(Pathway pathway, RemoveTeamMember c, DateOnly today, DateTimeOffset now) =>
        pathway.Sharing.MemberOf(c.StructureId) is null
            ? Refusal.Rule("Cette structure ne fait pas partie de l'équipe.", "structureId")
            : Decision.Accept(new TeamMemberRemoved(pathway.Id, c.StructureId, today, c.Actor.Id, now));
}

public static class RemoveTeamMemberEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/team/{structureId}/removal", OperationId = "removeTeamMember")]
    public static async Task<IResult> Post(Guid pathwayId, Guid structureId, RemoveTeamMemberRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RemoveTeamMember(pathwayId, request.ExpectedVersion, structureId, worker))).ToResult();
}
