using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Sealing;

/// <summary>
/// Records how, or whether, a woman followed by the Maison des Femmes may be contacted, with
/// instructions (encrypted). Only on a sealed pathway: the rule never leaves the Maison des Femmes.
/// </summary>
public sealed record RecordSafeContact(Guid PathwayId, long? ExpectedVersion, SafeContactMode Mode, string? Instructions, CurrentWorker Actor);

public sealed record RecordSafeContactRequest(long? ExpectedVersion, SafeContactMode Mode, string? Instructions);

public static class RecordSafeContactHandler
{
    public static Task<CommandOutcome> Handle(RecordSafeContact command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, time.Today(), time.GetUtcNow(), seal), ct);

    public static Decision Decide(Pathway pathway, RecordSafeContact c, DateOnly today, DateTimeOffset now, NoteSealer seal) =>
        (Enum.IsDefined(c.Mode) ? null : Refusal.Invalid("mode", "Indiquez comment la personne peut être contactée."))
        ?? PathwayRules.TooLong(c.Instructions, "instructions")
        ?? (pathway.IsSealed ? null : Refusal.Rule("Les consignes de contact protégé concernent les dossiers de la Maison des Femmes."))
        ?? Decision.Accept(new SafeContactRuleRecorded(pathway.Id, c.Mode, seal(c.Instructions), today, c.Actor.Id, now));
}

public static class RecordSafeContactEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/safe-contact", OperationId = "recordSafeContact")]
    public static async Task<IResult> Post(Guid pathwayId, RecordSafeContactRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RecordSafeContact(pathwayId, request.ExpectedVersion, request.Mode, request.Instructions, worker))).ToResult();
}
