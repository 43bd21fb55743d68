using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Searching;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.People.Identifying;

/// <summary>Identifies a person without referring them yet (e.g. a parent of a followed child).</summary>
public sealed record IdentifyPerson(Guid PersonId, NewPerson Person, CurrentWorker Actor);

public static class IdentifyPersonHandler
{
    public static async Task<CommandOutcome> Handle(IdentifyPerson command, IDocumentSession session, PersonVault vault, PersonSearchIndex index, TimeProvider time, CancellationToken ct)
    {
        if (!command.Actor.WorksWithPeople) return CommandOutcome.Refused(Refusal.NotFound());
        if (command.Person.Validate(time.Today()) is { } refusal) return CommandOutcome.Refused(refusal);

        var now = time.GetUtcNow();
        var p = command.Person;
        var key = vault.NewKey(command.PersonId, now);
        session.Store(key);
        var identity = new PersonIdentity(p.FirstName.Trim(), p.LastName.Trim(), p.BirthDate, p.Address, p.Phone, p.Email);
        session.Store(vault.Seal(key, identity, now));
        session.Events.StartStream<Person>(command.PersonId, new PersonIdentified(command.PersonId, p.Sex, command.Actor.StructureId, command.Actor.Id, now));
        await index.WriteAsync(session, command.PersonId, identity, identifiedIn: command.Actor.StructureId, ct: ct);
        return new CommandOutcome(command.PersonId, 1, null);
    }

}

public static class IdentifyPersonEndpoint
{
    [WolverinePost("/api/people", OperationId = "identifyPerson")]
    public static async Task<IResult> Post(NewPerson request, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(new IdentifyPerson(Guid.CreateVersion7(), request, worker));
        return outcome.ToCreatedResult($"/api/people/{outcome.Id}");
    }
}
