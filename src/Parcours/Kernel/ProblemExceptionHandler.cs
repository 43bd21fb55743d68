using System.Text.Json;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;

namespace Parcours.Kernel;

/// <summary>
/// Bad input never becomes a 500: unreadable bodies are 400, and a concurrent append detected
/// at commit time, or a unique index violated by a concurrent request, is 409 (nothing was
/// written: the transaction rolled back).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var refusal = Classify(exception);
        if (refusal is null) return false;
        context.Response.StatusCode = refusal.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = refusal.ToProblemDetails(),
            Exception = exception,
        });
    }

    public static Refusal? Classify(Exception exception) => exception switch
    {
        ConcurrencyException => Refusal.StaleVersion,
        // A unique index caught what a handler's check could not (two requests at once).
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } =>
            Refusal.Conflict("Un enregistrement identique vient d'être créé par quelqu'un d'autre : rechargez avant de recommencer."),
        JsonException json => UnreadableRequest.Body(json.Path),
        BadHttpRequestException bad when bad.InnerException is JsonException json => UnreadableRequest.Body(json.Path),
        BadHttpRequestException bad => new Refusal(bad.StatusCode, "Requête invalide : " + FirstLine(bad.Message)),
        FormatException format => Refusal.Invalid("body", "Valeur invalide : " + FirstLine(format.Message)),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Classify(aggregate.InnerExceptions[0]),
        _ when exception.InnerException is { } inner => Classify(inner),
        _ => null,
    };

    private static string FirstLine(string message) => message.Split('\n')[0];
}
