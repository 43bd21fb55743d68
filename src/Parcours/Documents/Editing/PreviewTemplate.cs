using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Documents.Editing;

public sealed record PreviewTemplateRequest(string? Body);

/// <summary>Renders an edited body against the kind's fictional sample, without saving anything.</summary>
public static class PreviewTemplateEndpoint
{
    [WolverinePost("/api/templates/{code}/preview", OperationId = "previewTemplate")]
    public static IResult Post(string code, PreviewTemplateRequest request, CurrentWorker worker, TimeProvider time)
    {
        var outcome = Preview(code, request.Body, worker, time);
        return outcome.Refusal is { } refusal ? OutcomeResults.ToProblem(refusal) : new RenderOutcome(outcome.Html, null).ToResult();
    }

    public static (string? Html, Refusal? Refusal) Preview(string code, string? body, CurrentWorker worker, TimeProvider time)
    {
        if (!TemplateEditors.Includes(worker)) return (null, TemplateEditors.Only);
        if (TemplateCatalogue.Find(code) is not { } kind) return (null, TemplateEditors.UnknownCode);
        if (string.IsNullOrWhiteSpace(body)) return (null, Refusal.Invalid("body", "Le contenu du modèle est obligatoire."));
        if (body.Length > SaveTemplateHandler.MaxBody) return (null, Refusal.Invalid("body", $"Le modèle dépasse {SaveTemplateHandler.MaxBody} caractères."));
        var rendered = SandboxedRenderer.Render(body, code, kind.Sample(time.Today()));
        return rendered.Succeeded ? (rendered.Html, null) : (null, Refusal.Invalid("body", rendered.Error!));
    }
}
