using Microsoft.AspNetCore.Mvc;

namespace Parcours.Kernel;

/// <summary>
/// Why a command was not carried out: the HTTP status it maps to, a French message for the
/// person, and the field at fault when there is one. Handlers return it instead of throwing.
/// </summary>
public sealed record Refusal(int Status, string Detail, string? Field = null)
{
    public static Refusal Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, detail, field);
    public static Refusal NotFound() => new(StatusCodes.Status404NotFound, "Ressource introuvable.");
    public static Refusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);
    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);
    public static Refusal Rule(string detail, string? field = null) => new(StatusCodes.Status422UnprocessableEntity, detail, field);

    /// <summary>A team member sees the case but only its referent structure changes it.</summary>
    public static readonly Refusal ReferentOnly =
        Forbidden("Seuls les référents et coordinateurs de la structure référente peuvent modifier ce dossier.");

    public static readonly Refusal StaleVersion =
        Conflict("Le dossier a été modifié entre-temps par quelqu'un d'autre : rechargez-le avant de recommencer.");

    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails
        {
            Status = Status,
            Title = Status switch
            {
                400 => "Requête invalide",
                403 => "Action non autorisée",
                404 => "Introuvable",
                409 => "Conflit",
                _ => "Règle métier non respectée",
            },
            Detail = Detail,
        };
        if (Field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [Field] = [Detail] };
        }
        return problem;
    }
}
