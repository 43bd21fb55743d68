using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Attending;

/// <summary>Records whether an invited member was present. Once the session is open, only its chair records it.</summary>
public sealed record RecordAttendance(Guid CommitteeId, long? ExpectedVersion, Guid HabilitationId, bool Present, CurrentWorker Actor);

public sealed record RecordAttendanceRequest(long? ExpectedVersion, Guid HabilitationId, bool Present);

public static class RecordAttendanceHandler
{
    public static async Task<CommandOutcome> Handle(RecordAttendance command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var member = await session.LoadAsync<Habilitation>(command.HabilitationId, ct);
        return await session.DecideAsync(command.CommitteeId, command.ExpectedVersion, command.Actor,
            committee => Decide(committee, command, member, time.GetUtcNow()), ct);
    }

    public static Decision Decide(Committee committee, RecordAttendance c, Habilitation? member, DateTimeOffset now) =>
        SittingRules.StatusIs(committee, "noter les présences", CommitteeStatus.Scheduled, CommitteeStatus.InSession, CommitteeStatus.Closed)
        ?? SittingRules.ChairOnly(committee, c.Actor.Id)
        ?? (member is null || !CommitteeAccess.SitsOn(CurrentWorker.Of(member), committee)
            ? Refusal.Rule("Cette personne n'est pas invitée à l'instance.", "habilitationId")
            : null)
        ?? Decision.Accept(new AttendanceRecorded(committee.Id, member!.Id, member.StructureId, c.Present, c.Actor.Id, now));
}

public static class RecordAttendanceEndpoint
{
    [WolverinePost("/api/committees/{committeeId}/attendance", OperationId = "recordCommitteeAttendance")]
    public static async Task<IResult> Post(Guid committeeId, RecordAttendanceRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RecordAttendance(committeeId, request.ExpectedVersion, request.HabilitationId, request.Present, worker))).ToResult();
}
