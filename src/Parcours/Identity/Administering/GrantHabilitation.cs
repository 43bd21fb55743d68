using Marten;
using Parcours.Audit;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Identity.Administering;

/// <summary>Gives a professional (by e-mail) roles in a structure.</summary>
public sealed record GrantHabilitation(Guid HabilitationId, HabilitationChange Change, CurrentWorker Actor);

public static class GrantHabilitationHandler
{
    public static async Task<CommandOutcome> Handle(GrantHabilitation command, IDocumentSession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(command.Actor))
        {
            return CommandOutcome.Refused(await Administrators.HiddenFromAsync(command.Actor, trail, "habilitation.grant", ct));
        }
        if (HabilitationRules.ValidateInput(command.Change) is { } invalid) return CommandOutcome.Refused(invalid);

        var facts = await HabilitationFacts.LoadAsync(session, null, command.Change, ct);
        if (HabilitationRules.Decide(command.HabilitationId, command.Change, facts, command.Actor) is { } refusal) return CommandOutcome.Refused(refusal);

        var habilitation = HabilitationRules.Apply(command.HabilitationId, command.Change);
        session.Insert(habilitation);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, "habilitation.grant", Describe(habilitation), AuditOutcome.Allowed));
        return new CommandOutcome(habilitation.Id, 1, null);
    }

    /// <summary>What the trail says of a habilitation change: whose, where, which roles (no case content).</summary>
    public static string Describe(Habilitation h) =>
        $"{Administrators.Purpose} : {h.Email}, structure {h.StructureId}, rôles {string.Join("+", h.Roles)}" +
        (h.Entitlements.Count > 0 ? $", catégories {string.Join("+", h.Entitlements)}" : "") + (h.Active ? "" : ", désactivée");
}

public static class GrantHabilitationEndpoint
{
    [WolverinePost("/api/admin/habilitations", OperationId = "grantHabilitation")]
    public static async Task<IResult> Post(HabilitationChange change, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(new GrantHabilitation(Guid.CreateVersion7(), change, worker));
        return outcome.ToCreatedResult($"/api/admin/habilitations/{outcome.Id}");
    }
}
