using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Parcours.Kernel;

/// <summary>
/// A request Wolverine.Http could not bind. Wolverine answers an unreadable JSON body or query
/// value itself, in English and without the field, and hands a JSON <c>null</c> body to the
/// endpoint as a null request; all become the same French 400 as every other invalid field.
/// </summary>
public static partial class UnreadableRequest
{
    public static Refusal Body(string? jsonPath) => FieldOf(jsonPath) is { } field
        ? Refusal.Invalid(field, $"Le corps de la requête est illisible : la valeur du champ « {field} » n'a pas le format attendu.")
        : Refusal.Invalid("body", "Le corps de la requête est illisible : un objet JSON est attendu.");

    public static Refusal Query(string parameter) =>
        Refusal.Invalid(parameter, $"La valeur du paramètre « {parameter} » n'est pas valide.");

    /// <summary>Rewrites Wolverine's binding problems (the hook of <c>AddProblemDetails</c>).</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var refusal = problem switch
        {
            { Status: StatusCodes.Status400BadRequest, Title: "Invalid JSON format" } =>
                Body(problem.Detail is { } detail && JsonPath().Match(detail) is { Success: true } match ? match.Groups[1].Value : null),
            { Status: StatusCodes.Status400BadRequest, Title: "Invalid query string value" } when problem.Extensions.TryGetValue("parameter", out var parameter) =>
                Query(parameter?.ToString() ?? "query"),
            _ => null,
        };
        if (refusal is null) return;

        var translated = refusal.ToProblemDetails();
        problem.Type = null;
        problem.Title = translated.Title;
        problem.Detail = translated.Detail;
        problem.Extensions.Clear();
        foreach (var (key, value) in translated.Extensions) problem.Extensions[key] = value;
    }

    private static string? FieldOf(string? jsonPath) => jsonPath is { Length: > 2 } path ? path.TrimStart('$', '.') : null;

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex JsonPath();
}

/// <summary>Wolverine middleware for every endpoint with a JSON body: a <c>null</c> body is a 400, not a 500.</summary>
public static class RequireBodyMiddleware
{
    public static ProblemDetails Before(object? request) =>
        request is null ? UnreadableRequest.Body(null).ToProblemDetails() : WolverineContinue.NoProblems;
}
