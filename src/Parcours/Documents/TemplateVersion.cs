using Marten;
using Marten.Schema;

namespace Parcours.Documents;

/// <summary>
/// One saved version of a document template. Versions are never changed: saving inserts the next
/// one (its id is <c>{code}/{version}</c>, so two coordinators saving the same version at once
/// cannot both succeed), and documents use the latest.
/// </summary>
public sealed class TemplateVersion
{
    public string Id { get; set; } = "";
    public string Code { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The habilitation that saved it; null for the version shipped with Parcours.</summary>
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public string ChangeNote { get; set; } = "";

    public static string IdOf(string code, int version) => $"{code}/{version:D5}";

    public const string ShippedAuthor = "Parcours (modèle d'origine)";

    public static TemplateVersion Shipped(TemplateKind kind, DateTimeOffset at) => new()
    {
        Id = IdOf(kind.Code, 1), Code = kind.Code, Version = 1, Title = kind.Title, Body = kind.DefaultBody(),
        AuthorName = ShippedAuthor, SavedAt = at, ChangeNote = "Modèle fourni avec Parcours.",
    };
}

/// <summary>Reads templates: the latest version of a code (the shipped default if none was stored yet), or all of them.</summary>
public static class TemplateStore
{
    public static async Task<TemplateVersion> LatestAsync(this IQuerySession session, TemplateKind kind, CancellationToken ct) =>
        await session.Query<TemplateVersion>().Where(t => t.Code == kind.Code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct)
        ?? TemplateVersion.Shipped(kind, DateTimeOffset.UnixEpoch);

    public static async Task<IReadOnlyList<TemplateVersion>> VersionsAsync(this IQuerySession session, TemplateKind kind, CancellationToken ct) =>
        await session.Query<TemplateVersion>().Where(t => t.Code == kind.Code).OrderByDescending(t => t.Version).ToListAsync(ct);
}

/// <summary>Stores version 1 of every template that has none, on start (and after each test reset).</summary>
public sealed class TemplateSeed(TimeProvider time) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var present = (await session.Query<TemplateVersion>().Select(t => t.Code).ToListAsync(ct)).ToHashSet();
        foreach (var kind in TemplateCatalogue.All.Where(k => !present.Contains(k.Code)))
        {
            session.Insert(TemplateVersion.Shipped(kind, time.GetUtcNow()));
        }
        await session.SaveChangesAsync(ct);
    }
}
