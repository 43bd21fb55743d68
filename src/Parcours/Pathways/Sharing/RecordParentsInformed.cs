using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Sharing;

/// <summary>The holders of parental authority of a minor were informed that the case would be shared, and how.</summary>
public sealed record RecordParentsInformed(Guid PathwayId, long? ExpectedVersion, DateOnly InformedOn, ConsentMode Mode, string? Note, CurrentWorker Actor);

public sealed record RecordParentsInformedRequest(long? ExpectedVersion, DateOnly InformedOn, ConsentMode Mode, string? Note);

public static class RecordParentsInformedHandler
{
    public static Task<CommandOutcome> Handle(RecordParentsInformed command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideWithSubjectAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, subject) => Decide(pathway, command, subject, time.Today(), time.GetUtcNow()), ct, "sharing.parents-informed");

    public static Decision Decide(Pathway pathway, RecordParentsInformed c, CaseSubject subject, DateOnly today, DateTimeOffset now) =>
        (Enum.IsDefined(c.Mode) ? null : Refusal.Invalid("mode", "Indiquez si l'information a été donnée par écrit ou oralement."))
        ?? PathwayRules.TooLong(c.Note, "note")
        ?? (c.InformedOn == default ? Refusal.Invalid("informedOn", "La date est obligatoire.") : null)
        ?? PathwayRules.NotInFuture(c.InformedOn, today, "informedOn")
        ?? PathwayRules.NotClosed(pathway)
        ?? (subject.IsMinorOn(today) ? null : Refusal.Rule("La personne est majeure : c'est elle qui est informée et consent, pas ses parents."))
        ?? Decision.Accept(new ParentsInformed(pathway.Id, c.InformedOn, c.Mode, subject.Seal(c.Note), c.Actor.Id, now));
}

public static class RecordParentsInformedEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/parents-information", OperationId = "recordParentsInformed")]
    public static async Task<IResult> Post(Guid pathwayId, RecordParentsInformedRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RecordParentsInformed(pathwayId, request.ExpectedVersion, request.InformedOn, request.Mode, request.Note, worker))).ToResult();
}
