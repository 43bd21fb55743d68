using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Parcours.Identity;

/// <summary>
/// The signed-in professional as handlers see them: their active habilitation in the structure
/// they signed in for. Loaded from Parcours' own habilitations on every request, so a revoked
/// habilitation takes effect at once.
/// </summary>
public sealed record CurrentWorker(
    Guid Id,
    string Email,
    Guid StructureId,
    string DisplayName,
    IReadOnlySet<Role> Roles,
    IReadOnlySet<SpecialCategory> Entitlements)
{
    /// <summary>The structure the person chose at sign-in (a person may work for several).</summary>
    public const string StructureClaim = "parcours:structure";

    public bool Has(Role role) => Roles.Contains(role);

    public bool IsEntitledTo(SpecialCategory category) => Entitlements.Contains(category);

    /// <summary>Follows cases of their own structure (référent, programme coordinator).</summary>
    public bool FollowsCases => Has(Role.Referent) || Has(Role.ProgrammeCoordinator);

    /// <summary>
    /// Works with people: follows cases, or is a partner. Statistics coordinators, administrators
    /// and the data-protection officer do not, and get 404 on every person-level endpoint.
    /// </summary>
    public bool WorksWithPeople => FollowsCases || Has(Role.Partner);

    public static CurrentWorker Of(Habilitation habilitation) => new(
        habilitation.Id, habilitation.Email, habilitation.StructureId, habilitation.DisplayName,
        habilitation.Roles.ToHashSet(), habilitation.Entitlements.ToHashSet());

    public static string? EmailOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue("email") : null;

    /// <summary>
    /// The active habilitation matching the sign-in's e-mail and structure, or null. Taken from
    /// those this request's token validation has just read, when it did (<see cref="SigningIn.LoadedHabilitations"/>).
    /// </summary>
    public static async Task<CurrentWorker?> ResolveAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken ct = default, HttpContext? request = null)
    {
        if (EmailOf(user) is not { Length: > 0 } email) return null;
        if (!Guid.TryParse(user.FindFirstValue(StructureClaim), out var structure)) return null;
        var normalised = Habilitation.NormaliseEmail(email);
        var habilitation = SigningIn.LoadedHabilitations.Find(request, normalised, structure)
            ?? await session.Query<Habilitation>().FirstOrDefaultAsync(h => h.Email == normalised && h.StructureId == structure && h.Active, ct);
        return habilitation is null ? null : Of(habilitation);
    }
}

/// <summary>
/// Wolverine middleware on every person-level endpoint (<c>/api/pathways</c>, <c>/api/people</c>):
/// a worker who does not work with people gets the same 404 as for a person who does not exist.
/// </summary>
public static class PersonLevelGate
{
    public static bool Guards(string? route) =>
        route is not null && (route.StartsWith("/api/pathways", StringComparison.Ordinal) || route.StartsWith("/api/people", StringComparison.Ordinal));

    public const string RefusedAction = "person-level";

    /// <summary>Refusals are traced with the route and the case or person id it names.</summary>
    public static async Task<IResult> Before(CurrentWorker worker, HttpContext context, Audit.AuditTrail trail)
    {
        if (worker.WorksWithPeople) return WolverineContinue.Result();
        var values = context.Request.RouteValues;
        Guid? IdOf(string name) => Guid.TryParse(values.GetValueOrDefault(name)?.ToString(), out var id) ? id : null;
        await trail.RecordAsync(Audit.AuditEntry.By(worker, RefusedAction, $"{context.Request.Method} {context.Request.Path}", Audit.AuditOutcome.Refused,
            IdOf("pathwayId"), IdOf("personId")), context.RequestAborted);
        return Kernel.OutcomeResults.ToProblem(Kernel.Refusal.NotFound());
    }
}

/// <summary>Wolverine middleware: gives endpoints the current worker, or answers 401/403.</summary>
public static class CurrentWorkerMiddleware
{
    private static readonly CurrentWorker Nobody = new(Guid.Empty, "", Guid.Empty, "", new HashSet<Role>(), new HashSet<SpecialCategory>());

    public static async Task<(CurrentWorker, ProblemDetails)> LoadAsync(ClaimsPrincipal user, IQuerySession session, HttpContext context, CancellationToken ct)
    {
        if (CurrentWorker.EmailOf(user) is null)
        {
            return (Nobody, new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Non authentifié", Detail = "Connectez-vous pour accéder à Parcours." });
        }
        return await CurrentWorker.ResolveAsync(user, session, ct, context) is { } worker
            ? (worker, WolverineContinue.NoProblems)
            : (Nobody, new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Aucune habilitation",
                Detail = "Vous êtes connecté, mais aucune habilitation active ne vous donne accès à Parcours pour cette structure.",
            });
    }
}
