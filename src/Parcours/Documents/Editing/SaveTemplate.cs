using Marten;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Documents.Editing;

/// <summary>Saves a new version of a template (never overwrites one). <see cref="ExpectedVersion"/> is the version the editor started from.</summary>
public sealed record SaveTemplate(string Code, int? ExpectedVersion, string? Title, string? Body, string? ChangeNote, CurrentWorker Actor);

public sealed record SaveTemplateRequest(int? ExpectedVersion, string? Title, string? Body, string? ChangeNote);

/// <summary>What saving answered: the new version, or why not.</summary>
public sealed record TemplateSaveOutcome(string Code, int Version, Refusal? Refusal)
{
    public static TemplateSaveOutcome Refused(Refusal refusal) => new("", 0, refusal);
}

public static class SaveTemplateHandler
{
    public const int MaxBody = 200_000;

    public static async Task<TemplateSaveOutcome> Handle(SaveTemplate command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        if (!TemplateEditors.Includes(command.Actor)) return TemplateSaveOutcome.Refused(TemplateEditors.Only);
        if (TemplateCatalogue.Find(command.Code) is not { } kind) return TemplateSaveOutcome.Refused(TemplateEditors.UnknownCode);
        var latest = await session.LatestAsync(kind, ct);
        var author = await session.LoadAsync<Habilitation>(command.Actor.Id, ct);
        var outcome = Decide(kind, latest, command, author?.DisplayName ?? command.Actor.DisplayName, time);
        if (outcome.Saved is { } saved) session.Insert(saved);
        return outcome.Saved is { } v ? new TemplateSaveOutcome(v.Code, v.Version, null) : TemplateSaveOutcome.Refused(outcome.Refusal!);
    }

    /// <summary>
    /// The next version, or why not: the body must be there, not too long, parse, and render the
    /// kind's sample model within the sandbox's limits; a note says what changed; the editor must
    /// have started from the latest version.
    /// </summary>
    public static (TemplateVersion? Saved, Refusal? Refusal) Decide(TemplateKind kind, TemplateVersion latest, SaveTemplate c, string authorName, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(c.Body)) return (null, Refusal.Invalid("body", "Le contenu du modèle est obligatoire."));
        if (c.Body.Length > MaxBody) return (null, Refusal.Invalid("body", $"Le modèle dépasse {MaxBody} caractères."));
        if (string.IsNullOrWhiteSpace(c.ChangeNote)) return (null, Refusal.Invalid("changeNote", "Indiquez en quelques mots ce qui change dans cette version."));
        if (c.ChangeNote.Length > 500) return (null, Refusal.Invalid("changeNote", "La note de modification dépasse 500 caractères."));
        if (c.Title is { Length: > 200 }) return (null, Refusal.Invalid("title", "Le titre dépasse 200 caractères."));
        if (c.ExpectedVersion is { } expected && expected != latest.Version)
        {
            return (null, Refusal.Conflict($"Le modèle a été modifié entre-temps (version {latest.Version}) : rechargez-le avant d'enregistrer."));
        }
        var check = SandboxedRenderer.Render(c.Body, kind.Code, kind.Sample(time.Today()));
        if (!check.Succeeded) return (null, Refusal.Invalid("body", check.Error!));

        var version = latest.Version + 1;
        return (new TemplateVersion
        {
            Id = TemplateVersion.IdOf(kind.Code, version), Code = kind.Code, Version = version,
            Title = string.IsNullOrWhiteSpace(c.Title) ? latest.Title : c.Title.Trim(), Body = c.Body,
            AuthorId = c.Actor.Id, AuthorName = authorName, SavedAt = time.GetUtcNow(), ChangeNote = c.ChangeNote.Trim(),
        }, null);
    }
}

public static class SaveTemplateEndpoint
{
    [WolverinePost("/api/templates/{code}", OperationId = "saveTemplate")]
    public static async Task<IResult> Post(string code, SaveTemplateRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var outcome = await bus.InvokeAsync<TemplateSaveOutcome>(new SaveTemplate(code, request.ExpectedVersion, request.Title, request.Body, request.ChangeNote, worker));
        return outcome.Refusal is { } refusal
            ? OutcomeResults.ToProblem(refusal)
            : Results.Created($"/api/templates/{outcome.Code}", new TemplateSaved(outcome.Code, outcome.Version));
    }
}

public sealed record TemplateSaved(string Code, int Version);
