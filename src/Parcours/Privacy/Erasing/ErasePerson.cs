using Marten;
using Npgsql;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Privacy.Erasing;

/// <summary>Erase a person: on their request (the officer, <see cref="Actor"/> set) or at the end of retention (the sweep, no actor).</summary>
public sealed record ErasePerson(Guid PersonId, ErasureGround Ground, CurrentWorker? Actor);

public sealed record ErasureRequest(Guid PersonId);

public static class ErasePersonHandler
{
    public const string AuditAction = "person.erase";

    public static Refusal? Check(ErasePerson command, Person? person)
    {
        if (command.Actor is { } actor && !ErasureAccess.MayDecide(actor)) return ErasureAccess.OfficerOnly;
        if (person is null) return Refusal.NotFound();
        return person.ErasedOn is null ? null : Refusal.Conflict("Les données de cette personne ont déjà été effacées.");
    }

    /// <summary>
    /// Masks first (a retry after a crash finds the person intact), then destroys the key, the
    /// identity and every document keyed by the person with the erasure event in one transaction,
    /// then rebuilds the views, scrubs the envelopes and verifies with the needles read beforehand.
    /// </summary>
    public static async Task<CommandOutcome> Handle(ErasePerson command, IDocumentStore store, PersonVault vault, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken ct)
    {
        ErasureNeedles needles;
        PersonTraces traces;
        await using (var query = store.QuerySession())
        {
            var person = await query.LoadAsync<Person>(command.PersonId, ct);
            if (Check(command, person) is { } refusal) return CommandOutcome.Refused(refusal);
            var identity = vault.Open(await query.LoadAsync<PersonKey>(command.PersonId, ct), await query.LoadAsync<SealedIdentity>(command.PersonId, ct));
            needles = identity is null ? new ErasureNeedles([]) : ErasureNeedles.From(identity);
            traces = await PersonTraces.FindAsync(query, command.PersonId, ct);
        }

        await traces.MaskEventsAsync(store, ct);

        var now = time.GetUtcNow();
        var entry = new ErasureLogEntry
        {
            Id = Guid.CreateVersion7(), PersonId = command.PersonId, Decision = ErasureDecision.Erased, Ground = command.Ground,
            On = time.Today(), At = now, By = command.Actor?.Id, Pathways = traces.Pathways.Count,
            MaskedStreams = 1 + traces.Pathways.Count + traces.Committees.Count,
        };
        long version;
        await using (var session = store.LightweightSession())
        {
            await traces.RemoveDocumentsAsync(session, store, ct);
            var stream = await session.Events.FetchForWriting<Person>(command.PersonId, ct);
            stream.AppendOne(new PersonErased(command.PersonId, entry.On, command.Ground, now, command.Actor?.Id));
            version = (stream.StartingVersion ?? 0) + 1;
            session.Store(entry);
            AuditTrail.Record(session, AuditEntry.By(command.Actor, AuditAction, Purpose(command.Ground), AuditOutcome.Allowed, personId: command.PersonId));
            await session.SaveChangesAsync(ct);
        }

        await traces.RebuildViewsAsync(store, ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            entry.EnvelopesScrubbed = await traces.ScrubEnvelopesAsync(connection, needles, ct);
            entry.Report = await ErasureVerification.ScanAsync(connection, needles, time.GetUtcNow(), ct);
        }
        await using (var session = store.LightweightSession())
        {
            session.Store(entry);
            await session.SaveChangesAsync(ct);
        }
        return new CommandOutcome(entry.Id, version, null);
    }

    public static string Purpose(ErasureGround ground) => ground == ErasureGround.Request
        ? "effacement à la demande de la personne (RGPD art. 17)"
        : "anonymisation à l'issue de la durée de conservation";
}

public static class ErasePersonEndpoint
{
    [WolverinePost("/api/privacy/erasures", OperationId = "erasePerson")]
    public static async Task<IResult> Post(ErasureRequest request, CurrentWorker worker, IMessageBus bus)
    {
        if (!ErasureAccess.MayDecide(worker)) return OutcomeResults.ToProblem(ErasureAccess.OfficerOnly);
        if (request.PersonId == Guid.Empty) return OutcomeResults.ToProblem(Refusal.Invalid("personId", "L'identifiant de la personne est obligatoire."));
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ErasePerson(request.PersonId, ErasureGround.Request, worker));
        return outcome.ToCreatedResult($"/api/privacy/erasures/{outcome.Id}");
    }
}
