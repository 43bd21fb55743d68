using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.People;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Privacy.Erasing;

/// <summary>The officer refuses a person's erasure request because a public-interest task needs the data.</summary>
public sealed record RefuseErasure(Guid PersonId, CurrentWorker Actor);

public static class RefuseErasureHandler
{
    public const string AuditAction = "person.erase-refused";

    /// <summary>Only for a person followed in a public-interest programme; the refusal states that programme's legal basis.</summary>
    public static Decision Decide(RefuseErasure command, Person? person, IEnumerable<string> programmes, DateOnly today, DateTimeOffset now)
    {
        if (!ErasureAccess.MayDecide(command.Actor)) return ErasureAccess.OfficerOnly;
        if (person is null) return Refusal.NotFound();
        if (person.ErasedOn is not null) return Refusal.Conflict("Les données de cette personne ont déjà été effacées.");
        if (PublicInterest.LegalReasonFor(programmes) is not { } reason)
        {
            return Refusal.Rule("Aucun parcours de cette personne ne relève d'une mission d'intérêt public : sa demande d'effacement ne peut pas être refusée à ce titre.", "personId");
        }
        return Decision.Accept(new ErasureRefused(command.PersonId, reason, today, command.Actor.Id, now));
    }

    public static async Task<CommandOutcome> Handle(RefuseErasure command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var person = await session.LoadAsync<Person>(command.PersonId, ct);
        var programmes = await session.Query<PathwayFile>().Where(f => f.PersonId == command.PersonId).Select(f => f.Programme).ToListAsync(ct);
        var decision = Decide(command, person, programmes, time.Today(), time.GetUtcNow());
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);

        var refused = (ErasureRefused)decision.Events[0];
        var stream = await session.Events.FetchForWriting<Person>(command.PersonId, ct);
        stream.AppendOne(refused);
        var entry = new ErasureLogEntry
        {
            Id = Guid.CreateVersion7(), PersonId = command.PersonId, Decision = ErasureDecision.Refused, Ground = ErasureGround.Request,
            On = refused.RefusedOn, At = refused.RefusedAt, By = command.Actor.Id, LegalReason = refused.LegalReason, Pathways = programmes.Count,
        };
        session.Store(entry);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, AuditAction, "refus d'effacement : mission d'intérêt public (RGPD art. 17.3.b)", AuditOutcome.Allowed, personId: command.PersonId));
        return new CommandOutcome(entry.Id, (stream.StartingVersion ?? 0) + 1, null);
    }
}

public static class RefuseErasureEndpoint
{
    [WolverinePost("/api/privacy/erasures/refusals", OperationId = "refuseErasure")]
    public static async Task<IResult> Post(ErasureRequest request, CurrentWorker worker, IMessageBus bus)
    {
        if (!ErasureAccess.MayDecide(worker)) return OutcomeResults.ToProblem(ErasureAccess.OfficerOnly);
        if (request.PersonId == Guid.Empty) return OutcomeResults.ToProblem(Refusal.Invalid("personId", "L'identifiant de la personne est obligatoire."));
        var outcome = await bus.InvokeAsync<CommandOutcome>(new RefuseErasure(request.PersonId, worker));
        return outcome.ToCreatedResult($"/api/privacy/erasures/{outcome.Id}");
    }
}
