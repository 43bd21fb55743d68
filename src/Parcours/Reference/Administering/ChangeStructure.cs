using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Reference.Administering;

/// <summary>
/// Renames a structure or changes the programmes it runs. Only new referrals are affected: a
/// structure must run a programme to be the referent of a new pathway in it.
/// </summary>
public sealed record ChangeStructure(Guid StructureId, StructureChange Change, CurrentWorker Actor);

public static class ChangeStructureHandler
{
    public static async Task<CommandOutcome> Handle(ChangeStructure command, IDocumentSession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(command.Actor))
        {
            return CommandOutcome.Refused(await Administrators.HiddenFromAsync(command.Actor, trail, "structure.change", ct));
        }
        if (await session.LoadAsync<Structure>(command.StructureId, ct) is null) return CommandOutcome.Refused(Refusal.NotFound());
        if (StructureRules.ValidateInput(command.Change) is { } invalid) return CommandOutcome.Refused(invalid);
        var facts = await StructureFacts.LoadAsync(session, command.Change, ct);
        if (StructureRules.Decide(command.StructureId, command.Change, facts) is { } refusal) return CommandOutcome.Refused(refusal);

        var structure = StructureRules.Apply(command.StructureId, command.Change);
        session.Store(structure);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, "structure.change", StructureRules.Describe(structure), AuditOutcome.Allowed));
        return new CommandOutcome(structure.Id, 1, null);
    }
}

public static class ChangeStructureEndpoint
{
    [WolverinePut("/api/admin/structures/{id}", OperationId = "changeStructure")]
    public static async Task<IResult> Put(Guid id, StructureChange change, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ChangeStructure(id, change, worker));
        return outcome.ToResult();
    }
}
