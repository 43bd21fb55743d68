using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Documents.Listing;

/// <summary>A template code with its latest version, as the list shows it.</summary>
public sealed record TemplateSummary(string Code, string Title, string Description, int Version, string AuthorName, DateTimeOffset SavedAt);

public sealed record TemplateVersionLine(int Version, string Title, string Body, string AuthorName, DateTimeOffset SavedAt, string ChangeNote);

public sealed record TemplateHistory(string Code, string Title, string Description, IReadOnlyList<TemplateVersionLine> Versions);

public static class ListTemplatesEndpoints
{
    [WolverineGet("/api/templates", OperationId = "listTemplates")]
    public static async Task<IResult> List(CurrentWorker worker, IQuerySession session, CancellationToken ct) =>
        TemplateEditors.Includes(worker) ? Results.Ok(await ListAsync(session, ct)) : OutcomeResults.ToProblem(TemplateEditors.Only);

    [WolverineGet("/api/templates/{code}", OperationId = "getTemplateVersions")]
    public static async Task<IResult> Versions(string code, CurrentWorker worker, IQuerySession session, CancellationToken ct)
    {
        if (!TemplateEditors.Includes(worker)) return OutcomeResults.ToProblem(TemplateEditors.Only);
        return await HistoryAsync(session, code, ct) is { } history ? Results.Ok(history) : OutcomeResults.ToProblem(TemplateEditors.UnknownCode);
    }

    public static async Task<IReadOnlyList<TemplateSummary>> ListAsync(IQuerySession session, CancellationToken ct)
    {
        var list = new List<TemplateSummary>();
        foreach (var kind in TemplateCatalogue.All)
        {
            var latest = await session.LatestAsync(kind, ct);
            list.Add(new TemplateSummary(kind.Code, latest.Title, kind.Description, latest.Version, latest.AuthorName, latest.SavedAt));
        }
        return list;
    }

    /// <summary>Every stored version, newest first; null for an unknown code.</summary>
    public static async Task<TemplateHistory?> HistoryAsync(IQuerySession session, string code, CancellationToken ct)
    {
        if (TemplateCatalogue.Find(code) is not { } kind) return null;
        var versions = await session.VersionsAsync(kind, ct);
        if (versions.Count == 0) versions = [await session.LatestAsync(kind, ct)];
        return new TemplateHistory(kind.Code, versions[0].Title, kind.Description,
            versions.Select(v => new TemplateVersionLine(v.Version, v.Title, v.Body, v.AuthorName, v.SavedAt, v.ChangeNote)).ToList());
    }
}
