using Marten;
using Microsoft.Extensions.Options;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Retention.Purging;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Retention.Postponing;

/// <summary>The officer postpones an announced anonymisation to <see cref="Until"/>, for a stated reason (e.g. a pending dispute).</summary>
public sealed record PostponePurge(Guid PersonId, DateOnly Until, string? Reason, CurrentWorker Actor);

public sealed record PostponePurgeRequest(DateOnly Until, string? Reason);

public static class PostponePurgeHandler
{
    public const string AuditAction = "retention.postpone";

    public static async Task<CommandOutcome> Handle(PostponePurge command, IDocumentSession session, PersonVault vault, TimeProvider time, IOptions<RetentionOptions> options, CancellationToken ct)
    {
        if (!RetentionAccess.Manages(command.Actor)) return Refused(session, command, RetentionAccess.OfficerOnly);
        var notice = await session.LoadAsync<PurgeNotice>(command.PersonId, ct);
        if (notice is null) return Refused(session, command, Refusal.NotFound());
        if (Decide(notice, command.Until, command.Reason, time.Today(), options.Value) is { } refusal) return Refused(session, command, refusal);

        var key = await session.LoadAsync<PersonKey>(command.PersonId, ct);
        notice.Postponements.Add(new Postponement(command.Until, key is null ? null : vault.Encrypt(key, command.Reason!.Trim()), command.Actor.Id, time.GetUtcNow()));
        session.Store(notice);
        AuditTrail.Record(session, AuditEntry.By(command.Actor, AuditAction, $"report de l'anonymisation au {command.Until:yyyy-MM-dd}", AuditOutcome.Allowed, personId: command.PersonId));
        return new CommandOutcome(command.PersonId, notice.Postponements.Count, null);
    }

    /// <summary>A postponement needs a reason, a later day than the one announced, and no more than the longest postponement allowed.</summary>
    public static Refusal? Decide(PurgeNotice notice, DateOnly until, string? reason, DateOnly today, RetentionOptions options) =>
        (notice.ErasureRequestedOn is not null ? Refusal.Conflict("L'anonymisation a déjà été lancée : elle ne peut plus être reportée.") : null)
        ?? (string.IsNullOrWhiteSpace(reason) ? Refusal.Invalid("reason", "Le motif du report est obligatoire.") : null)
        ?? (reason!.Length > 2000 ? Refusal.Invalid("reason", "Le motif dépasse 2000 caractères.") : null)
        ?? (until == default ? Refusal.Invalid("until", "La nouvelle date est obligatoire.") : null)
        ?? (until <= notice.EffectiveOn ? Refusal.Invalid("until", $"La nouvelle date doit être postérieure au {notice.EffectiveOn:dd/MM/yyyy}.") : null)
        ?? (until > today.AddDays(options.MaxPostponementDays) ? Refusal.Invalid("until", $"Un report ne peut pas dépasser {options.MaxPostponementDays} jours.") : null);

    private static CommandOutcome Refused(IDocumentSession session, PostponePurge command, Refusal refusal)
    {
        AuditTrail.Record(session, AuditEntry.By(command.Actor, AuditAction, "report de l'anonymisation", AuditOutcome.Refused, personId: command.PersonId));
        return CommandOutcome.Refused(refusal);
    }
}

public static class PostponePurgeEndpoint
{
    [WolverinePost("/api/retention/purges/{personId}/postponement", OperationId = "postponePurge")]
    public static async Task<IResult> Post(Guid personId, PostponePurgeRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new PostponePurge(personId, request.Until, request.Reason, worker))).ToResult();
}
