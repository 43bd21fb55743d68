using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.People.Linking;

/// <summary>Records a family link between two people the worker may both see (recorded on both streams).</summary>
public sealed record LinkFamily(Guid PersonId, Guid RelatedPersonId, FamilyRelation Relation, CurrentWorker Actor);

public sealed record LinkFamilyRequest(Guid RelatedPersonId, FamilyRelation Relation);

public static class LinkFamilyHandler
{
    public static async Task<CommandOutcome> Handle(LinkFamily command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var today = time.Today();
        var person = await PersonAccess.LoadVisibleAsync(session, vault, command.Actor, command.PersonId, today, ct);
        var related = await PersonAccess.LoadVisibleAsync(session, vault, command.Actor, command.RelatedPersonId, today, ct);
        if (person is null) return CommandOutcome.Refused(Refusal.NotFound());
        if (person.View != PathwayView.Full) return CommandOutcome.Refused(Refusal.Forbidden("Les liens familiaux ne sont pas accessibles dans votre vue du dossier."));
        if (related is not { View: PathwayView.Full }) return CommandOutcome.Refused(Refusal.Invalid("relatedPersonId", "Personne liée introuvable."));

        var actorStructure = await session.LoadAsync<Structure>(command.Actor.StructureId, ct);
        var sealedIn = actorStructure is not null && actorStructure.Programmes.Any(PathwayAccess.IsSealed) ? actorStructure.Id : (Guid?)null;
        var decision = Decide(person.Person, related.Person, command, time.GetUtcNow(), sealedIn);
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);
        foreach (var e in decision.Events.Cast<FamilyLinkRecorded>()) session.Events.Append(e.PersonId, e);
        return new CommandOutcome(person.Person.Id, 0, null);
    }

    /// <summary><paramref name="sealedIn"/>: the actor's structure when it is sealed; the link then never leaves it.</summary>
    public static Decision Decide(Person person, Person related, LinkFamily c, DateTimeOffset now, Guid? sealedIn = null)
    {
        if (person.Id == related.Id) return Refusal.Invalid("relatedPersonId", "Une personne ne peut pas être liée à elle-même.");
        if (!Enum.IsDefined(c.Relation)) return Refusal.Invalid("relation", "Lien familial inconnu.");
        if (person.Links.Any(l => l.RelatedPersonId == related.Id)) return Refusal.Conflict("Ces deux personnes sont déjà liées.");
        return Decision.Accept(
            new FamilyLinkRecorded(person.Id, related.Id, c.Relation, c.Actor.Id, now, sealedIn),
            new FamilyLinkRecorded(related.Id, person.Id, Person.Reverse(c.Relation), c.Actor.Id, now, sealedIn));
    }
}

public static class LinkFamilyEndpoint
{
    [WolverinePost("/api/people/{personId}/links", OperationId = "linkFamily")]
    public static async Task<IResult> Post(Guid personId, LinkFamilyRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new LinkFamily(personId, request.RelatedPersonId, request.Relation, worker))).ToResult();
}
