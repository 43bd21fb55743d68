using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Consenting;

/// <summary>
/// The person (or the parents) withdrew a consent. It takes effect on the next request: the
/// team members it covered no longer see the case. Allowed whatever the pathway's status.
/// </summary>
public sealed record WithdrawConsent(Guid PathwayId, long? ExpectedVersion, Guid ConsentId, DateOnly WithdrawnOn, string? Note, CurrentWorker Actor);

public sealed record WithdrawConsentRequest(long? ExpectedVersion, DateOnly WithdrawnOn, string? Note);

public static class WithdrawConsentHandler
{
    public static Task<CommandOutcome> Handle(WithdrawConsent command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, seal) => Decide(pathway, command, time.Today(), time.GetUtcNow(), seal), ct, "consent.withdrawn");

    public static Decision Decide(Pathway pathway, WithdrawConsent c, DateOnly today, DateTimeOffset now, NoteSealer seal)
    {
        var consent = pathway.Sharing.Consents.FirstOrDefault(x => x.ConsentId == c.ConsentId);
        return PathwayRules.TooLong(c.Note, "note")
               ?? (consent is null ? Refusal.NotFound() : null)
               ?? (consent!.WithdrawnOn is { } already ? Refusal.Conflict($"Ce consentement a déjà été retiré le {already:dd/MM/yyyy}.") : null)
               ?? (c.WithdrawnOn == default ? Refusal.Invalid("withdrawnOn", "La date est obligatoire.") : null)
               ?? PathwayRules.NotInFuture(c.WithdrawnOn, today, "withdrawnOn")
               ?? (c.WithdrawnOn < consent.GivenOn
                   ? Refusal.Rule($"Le retrait ne peut pas précéder le consentement du {consent.GivenOn:dd/MM/yyyy}.", "withdrawnOn")
                   : null)
               ?? Decision.Accept(new ConsentWithdrawn(pathway.Id, c.ConsentId, c.WithdrawnOn, seal(c.Note), c.Actor.Id, now));
    }
}

public static class WithdrawConsentEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/consents/{consentId}/withdrawal", OperationId = "withdrawConsent")]
    public static async Task<IResult> Post(Guid pathwayId, Guid consentId, WithdrawConsentRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new WithdrawConsent(pathwayId, request.ExpectedVersion, consentId, request.WithdrawnOn, request.Note, worker))).ToResult();
}
