using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Parcours.Kernel;

/// <summary>
/// A request body Wolverine.Http could not turn into the endpoint's request. Wolverine answers an
/// unreadable JSON body itself (in English, without the field) and hands a JSON <c>null</c> body to
/// the endpoint as a null request; both become the same French 400 as every other invalid field.
/// </summary>
public static partial class UnreadableBody
{
    public static Refusal Refusal(string? jsonPath) => FieldOf(jsonPath) is { } field
        ? Kernel.Refusal.Invalid(field, $"Le corps de la requête est illisible : la valeur du champ « {field} » n'a pas le format attendu.")
        : Kernel.Refusal.Invalid("body", "Le corps de la requête est illisible : un objet JSON est attendu.");

    /// <summary>Rewrites Wolverine's "Invalid JSON format" problem (the hook of <c>AddProblemDetails</c>).</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is not { Status: StatusCodes.Status400BadRequest, Title: "Invalid JSON format" }) return;

        var path = problem.Detail is { } detail && JsonPath().Match(detail) is { Success: true } match ? match.Groups[1].Value : null;
        var translated = Refusal(path).ToProblemDetails();
        problem.Type = null;
        problem.Title = translated.Title;
        problem.Detail = translated.Detail;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
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
        request is null ? UnreadableBody.Refusal(null).ToProblemDetails() : WolverineContinue.NoProblems;
}
