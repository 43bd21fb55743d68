using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Reference.Administering;

/// <summary>Adds a partner organisation, with the programmes it runs (if any).</summary>
public sealed record CreateStructure(Guid StructureId, StructureChange Change, CurrentWorker Actor);

public static class CreateStructureHandler
{
    public static async Task<CommandOutcome> Handle(CreateStructure command, IDocumentSession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(command.Actor))
        {
            return CommandOutcome.Refused(await Administrators.HiddenFromAsync(command.Actor, trail, "structure.create", ct));
        }
        if (StructureRules.ValidateInput(command.Change) is { } invalid) return CommandOutcome.Refused(invalid);
        var facts = await StructureFacts.LoadAsync(session, command.Change, ct);
        if (StructureRules.Decide(command.StructureId, command.Change, facts) is { } refusal) return CommandOutcome.Refused(refusal);

        var structure = StructureRules.Apply(command.StructureId, command.Change);
        session.Insert(structure);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, "structure.create", StructureRules.Describe(structure), AuditOutcome.Allowed));
        return new CommandOutcome(structure.Id, 1, null);
    }
}

public static class CreateStructureEndpoint
{
    [WolverinePost("/api/admin/structures", OperationId = "createStructure")]
    public static async Task<IResult> Post(StructureChange change, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(new CreateStructure(Guid.CreateVersion7(), change, worker));
        return outcome.ToCreatedResult($"/api/admin/structures/{outcome.Id}");
    }
}
