using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Sharing;

/// <summary>
/// A programme coordinator decides that a minor's case may be shared without informing the
/// parents (e.g. informing them would put the child at risk), and writes why; the text is encrypted.
/// </summary>
public sealed record JustifySharingException(Guid PathwayId, long? ExpectedVersion, string Justification, CurrentWorker Actor);

public sealed record JustifySharingExceptionRequest(long? ExpectedVersion, string Justification);

public static class JustifySharingExceptionHandler
{
    public static Task<CommandOutcome> Handle(JustifySharingException command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideWithSubjectAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, subject) => Decide(pathway, command, subject, time.Today(), time.GetUtcNow()), ct, "sharing.exception-justified");

    public static Decision Decide(Pathway pathway, JustifySharingException c, CaseSubject subject, DateOnly today, DateTimeOffset now) =>
        (c.Actor.Has(Role.ProgrammeCoordinator) ? null : Refusal.Forbidden("Seul un coordinateur de programme peut justifier une exception à l'information des parents."))
        ?? PathwayRules.Required(c.Justification, "justification", "Justification")
        ?? PathwayRules.TooLong(c.Justification, "justification")
        ?? PathwayRules.NotClosed(pathway)
        ?? (subject.IsMinorOn(today) ? null : Refusal.Rule("La personne est majeure : l'information des parents ne s'applique pas."))
        ?? Decision.Accept(new SharingExceptionJustified(pathway.Id, today, subject.Seal(c.Justification)!, c.Actor.Id, now));
}

public static class JustifySharingExceptionEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/sharing-exception", OperationId = "justifySharingException")]
    public static async Task<IResult> Post(Guid pathwayId, JustifySharingExceptionRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new JustifySharingException(pathwayId, request.ExpectedVersion, request.Justification, worker))).ToResult();
}
