using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.People.Merging;

/// <summary>A programme coordinator proposes that <see cref="AbsorbedPersonId"/> is a duplicate of <see cref="KeptPersonId"/>.</summary>
public sealed record ProposeMerge(Guid MergeId, Guid KeptPersonId, Guid AbsorbedPersonId, CurrentWorker Actor);

public sealed record ProposeMergeRequest(Guid KeptPersonId, Guid AbsorbedPersonId);

public static class ProposeMergeHandler
{
    public const string Action = "person.merge";

    public static async Task<CommandOutcome> Handle(ProposeMerge command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var actor = command.Actor;
        if (!actor.WorksWithPeople) return CommandOutcome.Refused(Refusal.NotFound());
        if (MergeRules.BothVisible(await MergeRules.LoadAsync(session, vault, actor, command.KeptPersonId, command.AbsorbedPersonId, time.Today(), ct)) is { } refusal)
        {
            return CommandOutcome.Refused(refusal);
        }
        var pending = await session.Query<PersonMerge>()
            .AnyAsync(m => m.Status == MergeStatus.Proposed && (m.AbsorbedPersonId == command.AbsorbedPersonId || m.KeptPersonId == command.AbsorbedPersonId
                || m.AbsorbedPersonId == command.KeptPersonId), ct);
        if (pending) return CommandOutcome.Refused(Refusal.Conflict("Une fusion est déjà proposée pour l'une de ces personnes : confirmez-la ou annulez-la d'abord."));
        if (!actor.Has(Role.ProgrammeCoordinator)) return CommandOutcome.Refused(MergeRules.CoordinatorOnly);

        session.Events.StartStream<PersonMerge>(command.MergeId,
            new MergeProposed(command.MergeId, command.KeptPersonId, command.AbsorbedPersonId, actor.StructureId, actor.Id, time.GetUtcNow()));
        AuditTrail.Record(session, AuditEntry.By(actor, Action, "proposed", AuditOutcome.Allowed, personId: command.KeptPersonId));
        AuditTrail.Record(session, AuditEntry.By(actor, Action, "proposed", AuditOutcome.Allowed, personId: command.AbsorbedPersonId));
        return new CommandOutcome(command.MergeId, 1, null);
    }
}

public static class ProposeMergeEndpoint
{
    [WolverinePost("/api/people/merges", OperationId = "proposeMerge")]
    public static async Task<IResult> Post(ProposeMergeRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ProposeMerge(Guid.CreateVersion7(), request.KeptPersonId, request.AbsorbedPersonId, worker));
        return outcome.ToCreatedResult($"/api/people/merges/{outcome.Id}");
    }
}

/// <summary>The checks every step of a merge repeats: the coordinator still sees both people in full, neither already merged.</summary>
public static class MergeRules
{
    public static readonly Refusal CoordinatorOnly = Refusal.Forbidden("Seul un coordinateur de dispositif peut fusionner deux fiches.");

    public static async Task<(PersonGrant? Kept, PersonGrant? Absorbed)> LoadAsync(IQuerySession session, PersonVault vault, CurrentWorker actor, Guid kept, Guid absorbed, DateOnly today, CancellationToken ct) =>
        (await PersonAccess.LoadVisibleAsync(session, vault, actor, kept, today, ct), await PersonAccess.LoadVisibleAsync(session, vault, actor, absorbed, today, ct));

    public static Refusal? BothVisible((PersonGrant? Kept, PersonGrant? Absorbed) pair) => pair switch
    {
        ({ } kept, { } absorbed) when kept.Person.Id == absorbed.Person.Id => Refusal.Invalid("absorbedPersonId", "Une fiche ne peut pas être fusionnée avec elle-même."),
        (null, _) => Refusal.Invalid("keptPersonId", "Personne introuvable."),
        (_, null) => Refusal.Invalid("absorbedPersonId", "Personne introuvable."),
        ({ View: not PathwayView.Full }, _) or (_, { View: not PathwayView.Full }) => CoordinatorOnly,
        ({ Person.MergedInto: not null }, _) => Refusal.Rule("La fiche à conserver a déjà été fusionnée dans une autre.", "keptPersonId"),
        (_, { Person.MergedInto: not null }) => Refusal.Rule("Cette fiche a déjà été fusionnée.", "absorbedPersonId"),
        _ => null,
    };
}
