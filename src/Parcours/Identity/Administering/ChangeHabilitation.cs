using Marten;
using Parcours.Audit;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Identity.Administering;

/// <summary>
/// Changes a habilitation: name, e-mail, structure, roles, entitlements, or deactivates it.
/// Takes effect on the person's next request (habilitations are read at every request).
/// </summary>
public sealed record ChangeHabilitation(Guid HabilitationId, HabilitationChange Change, CurrentWorker Actor);

public static class ChangeHabilitationHandler
{
    public static async Task<CommandOutcome> Handle(ChangeHabilitation command, IDocumentSession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(command.Actor))
        {
            return CommandOutcome.Refused(await Administrators.HiddenFromAsync(command.Actor, trail, "habilitation.change", ct));
        }
        if (await session.LoadAsync<Habilitation>(command.HabilitationId, ct) is not { } existing) return CommandOutcome.Refused(Refusal.NotFound());
        if (HabilitationRules.ValidateInput(command.Change) is { } invalid) return CommandOutcome.Refused(invalid);

        var facts = await HabilitationFacts.LoadAsync(session, existing, command.Change, ct);
        if (HabilitationRules.Decide(command.HabilitationId, command.Change, facts, command.Actor) is { } refusal) return CommandOutcome.Refused(refusal);

        var habilitation = HabilitationRules.Apply(command.HabilitationId, command.Change);
        session.Store(habilitation);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, "habilitation.change", GrantHabilitationHandler.Describe(habilitation), AuditOutcome.Allowed));
        return new CommandOutcome(habilitation.Id, 1, null);
    }
}

public static class ChangeHabilitationEndpoint
{
    [WolverinePut("/api/admin/habilitations/{id}", OperationId = "changeHabilitation")]
    public static async Task<IResult> Put(Guid id, HabilitationChange change, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ChangeHabilitation(id, change, worker));
        return outcome.ToResult();
    }
}
