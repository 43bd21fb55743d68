using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Inviting;

/// <summary>
/// Invites member structures (all their committee members sit on the sitting) and named people
/// (by habilitation). Those already invited are left as they are.
/// </summary>
public sealed record InviteMembers(Guid CommitteeId, long? ExpectedVersion, IReadOnlyList<Guid>? Structures, IReadOnlyList<Guid>? People, CurrentWorker Actor);

public sealed record InviteMembersRequest(long? ExpectedVersion, IReadOnlyList<Guid>? Structures, IReadOnlyList<Guid>? People);

public static class InviteMembersHandler
{
    public const int MaxInvitations = 100;

    public static async Task<CommandOutcome> Handle(InviteMembers command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var structureIds = (command.Structures ?? []).Distinct().Take(MaxInvitations + 1).ToArray();
        var peopleIds = (command.People ?? []).Distinct().Take(MaxInvitations + 1).ToArray();
        var people = await session.LoadManyAsync<Habilitation>(ct, peopleIds);
        var structures = (await session.LoadManyAsync<Structure>(ct, [.. structureIds, .. people.Select(p => p.StructureId)])).Select(s => s.Id).ToHashSet();
        return await session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command, structures, people, time.GetUtcNow()), ct);
    }

    /// <param name="knownStructures">The structures that exist, among those invited and those of the invited people.</param>
    /// <param name="knownPeople">The habilitations found among the invited people.</param>
    public static Decision Decide(Committee committee, InviteMembers c, IReadOnlySet<Guid> knownStructures, IReadOnlyList<Habilitation> knownPeople, DateTimeOffset now)
    {
        var structures = (c.Structures ?? []).Distinct().ToList();
        var people = (c.People ?? []).Distinct().ToList();
        if (structures.Count + people.Count == 0) return Refusal.Invalid("structures", "Choisissez au moins une structure ou une personne à inviter.");
        if (structures.Count > MaxInvitations || people.Count > MaxInvitations) return Refusal.Invalid("structures", $"Pas plus de {MaxInvitations} invitations à la fois.");
        if (SittingRules.StatusIs(committee, "inviter des membres", CommitteeStatus.Scheduled, CommitteeStatus.InSession) is { } closed) return closed;
        if (structures.Where(s => !knownStructures.Contains(s)).Select(s => (Guid?)s).FirstOrDefault() is { } unknown)
        {
            return Refusal.Rule($"Structure inconnue : {unknown}.", "structures");
        }
        foreach (var id in people)
        {
            var member = knownPeople.FirstOrDefault(h => h.Id == id);
            if (member is null || !member.Active) return Refusal.Rule($"Aucune habilitation active ne correspond à {id}.", "people");
            if (!member.Roles.Contains(Role.CommitteeMember) || !knownStructures.Contains(member.StructureId))
            {
                return Refusal.Rule($"{member.DisplayName} n'est pas habilité·e à siéger en instance.", "people");
            }
        }

        var newStructures = structures.Where(s => !committee.InvitedStructures.Contains(s)).ToList();
        var newPeople = people.Where(p => !committee.InvitedPeople.Contains(p)).ToList();
        return newStructures.Count + newPeople.Count == 0
            ? Decision.Accept()
            : Decision.Accept(new CommitteeMembersInvited(committee.Id, newStructures, newPeople, c.Actor.Id, now));
    }
}

public static class InviteMembersEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/invitations", OperationId = "inviteCommitteeMembers")]
    public static async Task<IResult> Post(Guid committeeId, InviteMembersRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new InviteMembers(committeeId, request.ExpectedVersion, request.Structures, request.People, worker))).ToResult();
}
