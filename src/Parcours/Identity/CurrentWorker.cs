using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Parcours.Identity;

/// <summary>
/// The signed-in professional as handlers see them. Built from the sign-in claims only here;
/// the habilitation issue replaces the source of these facts, not this seam.
/// </summary>
public sealed record CurrentWorker(Guid Id, Guid StructureId, string DisplayName)
{
    public const string StructureClaim = "parcours:structure";

    public static CurrentWorker? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        return Guid.TryParse(user.FindFirstValue("sub"), out var id)
               && Guid.TryParse(user.FindFirstValue(StructureClaim), out var structure)
            ? new CurrentWorker(id, structure, user.FindFirstValue("name") ?? "")
            : null;
    }
}

/// <summary>Wolverine middleware: gives endpoints the current worker, or answers 401.</summary>
public static class CurrentWorkerMiddleware
{
    public static (CurrentWorker, ProblemDetails) Load(ClaimsPrincipal user) =>
        CurrentWorker.From(user) is { } worker
            ? (worker, WolverineContinue.NoProblems)
            : (new CurrentWorker(Guid.Empty, Guid.Empty, ""),
                new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Non authentifié", Detail = "Connectez-vous pour accéder à Parcours." });
}
