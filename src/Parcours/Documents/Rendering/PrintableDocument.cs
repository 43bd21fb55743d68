using Marten;
using Parcours.Kernel;

namespace Parcours.Documents.Rendering;

/// <summary>
/// Renders a document with the latest template of its code and serves it. Every rendered
/// document goes out under a Content-Security-Policy that allows no script, no request
/// (styles inline and data: images only), never cached: even a template's own &lt;script&gt; cannot run.
/// </summary>
public static class PrintableDocument
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static async Task<RenderOutcome> RenderAsync(this IQuerySession session, string code, object model, CancellationToken ct)
    {
        var kind = TemplateCatalogue.Find(code) ?? throw new ArgumentException($"Unknown template {code}.", nameof(code));
        var template = await session.LatestAsync(kind, ct);
        var outcome = SandboxedRenderer.Render(template.Body, $"{code} v{template.Version}", model);
        return outcome.Succeeded
            ? outcome
            : RenderOutcome.Failed($"Le modèle « {template.Title} » (version {template.Version}) n'a pas pu produire ce document. {outcome.Error} Un coordinateur peut le corriger dans « Modèles de documents ».");
    }

    /// <summary>The headers every rendered document carries.</summary>
    public static void Protect(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>The API answer: the HTML under the protective headers, or a French 422 when the template failed.</summary>
    public static IResult ToResult(this RenderOutcome outcome) =>
        outcome.Html is { } html ? new Served(html) : OutcomeResults.ToProblem(Refusal.Rule(outcome.Error!));

    private sealed class Served(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            Protect(context.Response);
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html, context.RequestAborted);
        }
    }
}
