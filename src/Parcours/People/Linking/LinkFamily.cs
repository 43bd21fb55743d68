using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.People.Linking;

/// <summary>Records a family link between two people the worker may both see (recorded on both streams).</summary>
public sealed record LinkFamily(Guid PersonId, Guid RelatedPersonId, FamilyRelation Relation, CurrentWorker Actor);

public sealed record LinkFamilyRequest(Guid RelatedPersonId, FamilyRelation Relation);

public static class LinkFamilyHandler
{
    public static async Task<CommandOutcome> Handle(LinkFamily command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var person = await PersonAccess.LoadVisibleAsync(session, command.Actor, command.PersonId, ct);
        var related = await PersonAccess.LoadVisibleAsync(session, command.Actor, command.RelatedPersonId, ct);
        if (person is null) return CommandOutcome.Refused(Refusal.NotFound());
        if (related is null) return CommandOutcome.Refused(Refusal.Invalid("relatedPersonId", "Personne liée introuvable."));

        var decision = Decide(person, related, command, time.GetUtcNow());
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);
        foreach (var e in decision.Events.Cast<FamilyLinkRecorded>()) session.Events.Append(e.PersonId, e);
        return new CommandOutcome(person.Id, 0, null);
    }

    public static Decision Decide(Person person, Person related, LinkFamily c, DateTimeOffset now)
    {
        if (person.Id == related.Id) return Refusal.Invalid("relatedPersonId", "Une personne ne peut pas être liée à elle-même.");
        if (!Enum.IsDefined(c.Relation)) return Refusal.Invalid("relation", "Lien familial inconnu.");
        if (person.Links.Any(l => l.RelatedPersonId == related.Id)) return Refusal.Conflict("Ces deux personnes sont déjà liées.");
        return Decision.Accept(
            new FamilyLinkRecorded(person.Id, related.Id, c.Relation, c.Actor.Id, now),
            new FamilyLinkRecorded(related.Id, person.Id, Person.Reverse(c.Relation), c.Actor.Id, now));
    }
}

public static class LinkFamilyEndpoint
{
    [WolverinePost("/api/people/{personId}/links", OperationId = "linkFamily")]
    public static async Task<IResult> Post(Guid personId, LinkFamilyRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new LinkFamily(personId, request.RelatedPersonId, request.Relation, worker))).ToResult();
}
