using System.Globalization;
using JasperFx.Events;
using Marten;
using Npgsql;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Privacy.AccessRequests;

// The model of the access-request document (RGPD art. 15), rendered by the `access-request`
// template and served as JSON as it is. Built only from the person's own streams, vault entry,
// pathway files and the trail entries about them: nothing about anyone else is ever loaded.

public sealed record AccessExport(
    Guid RequestId,
    string ProducedAt,
    string ProducedBy,
    AccessRequester Request,
    IdentitySection? Identity,
    IReadOnlyList<EventLine> PersonEvents,
    IReadOnlyList<PathwaySection> Pathways,
    IReadOnlyList<AccessLine> AccessTrail);

public sealed record AccessRequester(string RequestedBy, string Relation, DateOnly RequestedOn);

public sealed record IdentitySection(string FirstName, string LastName, DateOnly BirthDate, string? Address, string? Phone, string? Email,
    string Sex, string IdentifiedAt, string IdentifiedBy, DateOnly? RectifiedOn);

public sealed record PathwaySection(
    Guid PathwayId,
    string Programme,
    string? Track,
    string Status,
    DateOnly ReferredOn,
    string ReferentStructure,
    string Territory,
    bool Restricted,
    IReadOnlyList<ConsentSection> Consents,
    IReadOnlyList<OrientationSection> Orientations,
    IReadOnlyList<EventLine> Events);

public sealed record ConsentSection(string Purpose, string Structures, string GivenBy, string Mode, DateOnly GivenOn, DateOnly? ExpiresOn, DateOnly? WithdrawnOn);

public sealed record OrientationSection(string Destination, DateOnly ProposedOn, string State, DateOnly? DecidedOn);

public sealed record EventLine(long Version, string At, string Title, IReadOnlyList<string> Details, string? By);

public sealed record AccessLine(string At, string? Professional, string Action, string Outcome);

public static class AccessExports
{
    /// <summary>Builds the export of one request; null when the person is unknown or erased (nothing is held any more).</summary>
    public static async Task<AccessExport?> BuildAsync(IQuerySession session, PersonVault vault, NpgsqlDataSource dataSource, AccessRequest request,
        string producedBy, DateTimeOffset now, CancellationToken ct)
    {
        var personId = request.PersonId;
        var person = await session.LoadAsync<Person>(personId, ct);
        if (person is null) return null;
        var key = await session.LoadAsync<PersonKey>(personId, ct);
        var identity = vault.Open(key, await session.LoadAsync<SealedIdentity>(personId, ct));
        string? Decrypt(EncryptedText? text) => vault.Decrypt(key, text);

        var codes = (await session.Query<CodeListItem>().ToListAsync(ct)).GroupBy(c => (c.List, c.Code)).ToDictionary(g => g.Key, g => g.First().Label);
        string? Code(string list, string? code) => code is null ? null : codes.GetValueOrDefault((list, code), code);
        var structures = (await session.Query<Structure>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        string StructureName(Guid id) => structures.GetValueOrDefault(id, "Structure inconnue");
        var staff = (await session.Query<Habilitation>().ToListAsync(ct)).GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.First());
        var staffByEmail = staff.Values.GroupBy(h => h.Email).ToDictionary(g => g.Key, g => g.First().DisplayName);

        EventLine Line(IEvent e)
        {
            var (title, details) = AccessText.Describe(e.Data, Decrypt, Code, StructureName);
            var by = AuthorOf(e.Data) is { } author && staff.TryGetValue(author, out var h) ? $"{h.DisplayName} ({StructureName(h.StructureId)})" : null;
            return new EventLine(e.Version, Fr(e.Timestamp), title, details, by);
        }

        var personEvents = (await session.Events.FetchStreamAsync(personId, token: ct)).Select(Line).ToList();
        var files = await session.Query<PathwayFile>().Where(f => f.PersonId == personId).ToListAsync(ct);
        var pathways = new List<PathwaySection>();
        foreach (var f in files.OrderBy(f => f.ReferredOn).ThenBy(f => f.Id))
        {
            var events = (await session.Events.FetchStreamAsync(f.Id, token: ct)).Select(Line).ToList();
            pathways.Add(new PathwaySection(
                f.Id, f.Programme, f.Track, Labels.Status(f.Status), f.ReferredOn, StructureName(f.ReferentStructureId), f.TerritoryCode, f.Restricted,
                f.Sharing.Consents.Select(c => new ConsentSection(Labels.Purpose(c.Purpose), string.Join(", ", c.Structures.Select(StructureName)),
                    Labels.Giver(c.GivenBy), Labels.Mode(c.Mode), c.GivenOn, c.ExpiresOn, c.WithdrawnOn)).ToList(),
                f.Orientations.Select(o => new OrientationSection(Code(CodeLists.Destination, o.Destination) ?? o.Destination, o.ProposedOn, o.State, o.DecidedOn)).ToList(),
                events));
        }

        var trail = await TrailAsync(dataSource, personId, files.Select(f => f.Id).ToHashSet(), ct);
        var accesses = trail.Select(r => new AccessLine(Fr(r.At), r.Email is { } email ? staffByEmail.GetValueOrDefault(email, email) : null,
            ActionLabel(r.Action), r.Outcome == AuditOutcome.Allowed ? "Autorisé" : "Refusé")).ToList();

        return new AccessExport(
            request.Id, Fr(now), producedBy,
            new AccessRequester(Decrypt(request.RequestedBy) ?? AccessText.Relation(request.Relation), AccessText.Relation(request.Relation), request.RequestedOn),
            identity is null
                ? null
                : new IdentitySection(identity.FirstName, identity.LastName, identity.BirthDate, identity.Address, identity.Phone, identity.Email,
                    person.Sex == Kernel.Sex.F ? "Femme" : "Homme",
                    Fr(person.IdentifiedAt), StructureName(person.StructureId), person.RectifiedOn),
            personEvents, pathways, accesses);
    }

    /// <summary>Every trail entry about the person or one of their pathways, oldest first.</summary>
    private static async Task<IReadOnlyList<AuditRecord>> TrailAsync(NpgsqlDataSource dataSource, Guid personId, IReadOnlySet<Guid> pathwayIds, CancellationToken ct)
    {
        var entries = new Dictionary<long, AuditRecord>();
        foreach (var filter in pathwayIds.Select(id => new AuditFilter(CaseId: id)).Prepend(new AuditFilter(PersonId: personId)))
        {
            for (var page = 1; ; page++)
            {
                var result = await AuditSearch.ReadAsync(dataSource, filter with { Page = page }, ct);
                foreach (var entry in result.Entries) entries[entry.Id] = entry;
                if (!result.HasMore) break;
            }
        }
        return entries.Values.OrderBy(e => e.Id).ToList();
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static string Fr(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The worker who caused an event: its first Guid property named "…By".</summary>
    private static Guid? AuthorOf(object data) =>
        data.GetType().GetProperties().FirstOrDefault(p => p.PropertyType == typeof(Guid) && p.Name.EndsWith("By", StringComparison.Ordinal))?.GetValue(data) as Guid?;

    public static string ActionLabel(string action) => action switch
    {
        "pathway.read" => "Consultation du dossier",
        "pathway.change" => "Tentative de modification du dossier",
        "pathway.access-history" => "Consultation de l'historique des accès",
        "person.read" => "Consultation de la fiche de la personne",
        "person.rectify" => "Rectification de l'identité",
        "pathway.restrict" => "Limitation du traitement",
        "pathway.restriction-lift" => "Levée de la limitation du traitement",
        AccessRequestHandler.RequestAction => "Demande d'accès enregistrée",
        AccessRequestHandler.ExportAction => "Édition du document de droit d'accès",
        _ when action.StartsWith("consent", StringComparison.Ordinal) => "Consentement (enregistrement ou retrait)",
        _ when action.StartsWith("team", StringComparison.Ordinal) => "Équipe de suivi (modification)",
        _ => action,
    };
}
