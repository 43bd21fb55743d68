using Marten;
using Parcours.Audit;
using Parcours.Committees.Deciding;
using Parcours.Committees.Dossiers;
using Parcours.Committees.Reading;
using Parcours.Documents;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Committees.Documents;

public enum DocumentVersion
{
    /// <summary>For the conveners of the sitting: names where the person consented, decisions' rationale.</summary>
    Nominative,
    /// <summary>For every member: codes and categorical facts only.</summary>
    Anonymised,
}

public enum CommitteeDocumentKind
{
    Agenda,
    Minutes,
    Letter,
}

/// <summary>
/// Builds and renders a sitting's documents under the committee rules:
/// <list type="bullet">
/// <item>anybody who does not sit on the sitting gets 404, as for a sitting that does not exist;</item>
/// <item>the nominative versions and the letters are for its conveners only: a member who asks gets
/// 403 (they know the sitting, so hiding it would say nothing), and the refusal is traced;</item>
/// <item>the agenda of a cancelled sitting and the minutes before the session is closed do not exist yet (422);</item>
/// <item>even in the nominative version an item is named only under <see cref="CommitteeAccess.SeesNamed"/>
/// (through <see cref="CommitteeDossiers"/>); the anonymised version is built with every item
/// anonymised, and never receives a name, a pathway id or free text;</item>
/// <item>every rendering is traced (<c>committee.document</c>, <c>committee:{id}:{kind}:{version}</c>).</item>
/// </list>
/// </summary>
public static class CommitteeDocuments
{
    public const string Action = "committee.document";

    public static readonly Refusal ConvenersOnly =
        Refusal.Forbidden("La version nominative des documents et les courriers sont réservés aux coordinateurs qui organisent cette instance ; les membres reçoivent la version anonymisée.");

    public static readonly Refusal CancelledSitting = Refusal.Rule("Cette instance a été annulée : elle n'a pas d'ordre du jour.");

    public static readonly Refusal MinutesNotYet = Refusal.Rule("Le compte rendu est disponible une fois la séance close.");

    public static readonly Refusal LetterNotNamed =
        Refusal.Rule("Ce courrier est nominatif : il ne peut être imprimé que si la personne a consenti à l'examen en commission (ou par sa structure référente), après signature de la charte de la séance.");

    public static string Purpose(Guid committeeId, CommitteeDocumentKind kind, DocumentVersion version) =>
        $"committee:{committeeId}:{kind.ToString().ToLowerInvariant()}:{version.ToString().ToLowerInvariant()}";

    public static async Task<(RenderOutcome? Document, Refusal? Refusal)> RenderAsync(
        IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker, Guid committeeId,
        CommitteeDocumentKind kind, DocumentVersion version, Guid? orientationId, DateOnly today, CancellationToken ct)
    {
        if (await GetAgendaEndpoint.SittingFor(session, worker, committeeId, ct) is not { } view) return (null, Refusal.NotFound());
        var purpose = Purpose(committeeId, kind, version);
        if ((version == DocumentVersion.Nominative || kind == CommitteeDocumentKind.Letter) && !CommitteeAccess.Convenes(worker, view.OwnerStructures))
        {
            await trail.RecordAsync(AuditEntry.By(worker, Action, purpose, AuditOutcome.Refused), ct);
            return (null, ConvenersOnly);
        }
        if (kind == CommitteeDocumentKind.Agenda && view.Status == CommitteeStatus.Cancelled) return (null, CancelledSitting);
        if (kind == CommitteeDocumentKind.Minutes && view.Status != CommitteeStatus.Closed) return (null, MinutesNotYet);

        var reference = await DocumentReference.LoadAsync(session, ct);
        var (agenda, keysByPathway) = await CommitteeDossiers.LoadWithKeysAsync(session, vault, trail, view, worker, today, forceAnonymised: version == DocumentVersion.Anonymised, ct);
        var header = reference.Header(view);
        var stamp = new DocumentStamp(version == DocumentVersion.Nominative,
            version == DocumentVersion.Nominative ? "Version nominative – diffusion restreinte aux coordinateurs" : "Version anonymisée – pour les membres de l'instance",
            reference.Person(worker.Id) ?? worker.DisplayName, today);

        object model;
        string code;
        Guid? caseId = null, personId = null;
        switch (kind)
        {
            case CommitteeDocumentKind.Agenda:
                model = new AgendaDocument(header, stamp, agenda.Items.Select(AgendaEntryOf).ToList());
                code = version == DocumentVersion.Nominative ? TemplateCatalogue.AgendaNominative : TemplateCatalogue.AgendaAnonymised;
                break;
            case CommitteeDocumentKind.Minutes:
                var keys = version == DocumentVersion.Nominative ? keysByPathway : new Dictionary<Guid, PersonKey>();
                model = new MinutesDocument(header, stamp, view.ChairId is { } chair ? reference.Person(chair) : null,
                    At(view.OpenedAt), At(view.ClosedAt), view.MinutesVersion,
                    view.Attendance.Select(a => new AttendanceEntry(reference.Person(a.HabilitationId) ?? "—", reference.Structure(a.StructureId), a.Present)).ToList(),
                    agenda.Items.Select(d => MinutesEntryOf(d, view.Items.First(i => i.ItemId == d.ItemId), reference, vault, keys, worker)).ToList());
                code = version == DocumentVersion.Nominative ? TemplateCatalogue.MinutesNominative : TemplateCatalogue.MinutesAnonymised;
                break;
            default:
                var line = view.Agenda.FirstOrDefault(i => orientationId is not null && i.OrientationId == orientationId);
                var dossier = line is null ? null : agenda.Items.FirstOrDefault(d => d.ItemId == line.ItemId);
                if (line is null || dossier is null) return (null, Refusal.NotFound() with { Detail = "Aucune orientation ouverte par cette instance avec cet identifiant." });
                if (!dossier.Named) return (null, LetterNotNamed);
                var file = (await session.LoadAsync<PathwayFile>(line.PathwayId, ct))!;
                var identity = (await vault.OpenManyAsync(session, [file.PersonId], ct)).GetValueOrDefault(file.PersonId);
                model = new OrientationLetter(header, $"{dossier.FirstName} {dossier.LastName?.ToUpperInvariant()}".Trim(),
                    file.SafeContact is null ? identity?.Address : null,
                    reference.Code(CodeLists.Destination, line.Destination) ?? "—",
                    line.ReceivingStructureId is { } receiving ? reference.Structure(receiving) : "—",
                    reference.Structure(file.ReferentStructureId), stamp.PrintedBy, today);
                code = TemplateCatalogue.OrientationLetter;
                (caseId, personId) = (file.Id, file.PersonId);
                break;
        }

        var document = await session.RenderAsync(code, model, ct);
        await trail.RecordAsync(AuditEntry.By(worker, Action, purpose, document.Succeeded ? AuditOutcome.Allowed : AuditOutcome.Refused, caseId, personId), ct);
        return (document, null);
    }

    private static AgendaEntry AgendaEntryOf(CommitteeDossier d) => new(
        d.Position, d.Code, Reason(d.Reason), d.ProgrammeLabel, d.AgeBand, d.Sex == Sex.F ? "femme" : "homme", d.Neighbourhood, d.ReferralSource,
        d.MonthsSinceIdentification, d.ActionsInProgress, d.Named, d.Named ? $"{d.FirstName} {d.LastName?.ToUpperInvariant()}".Trim() : null, d.Summary);

    private static MinutesEntry MinutesEntryOf(CommitteeDossier d, AgendaItemLine line, DocumentReference reference, PersonVault vault, IReadOnlyDictionary<Guid, PersonKey> keys, CurrentWorker worker)
    {
        var key = d.Named ? keys.GetValueOrDefault(line.PathwayId) : null;
        return new MinutesEntry(d.Position, d.Code, d.ProgrammeLabel, d.AgeBand, d.Neighbourhood, line.Status == AgendaItemStatus.Decided,
            line.Outcome is { } outcome ? OutcomeLabels.Outcome(outcome) : null,
            reference.Code(CodeLists.Destination, line.Destination),
            line.ReceivingStructureId is { } receiving ? reference.Structure(receiving) : null,
            reference.Code(CodeLists.ExitOutcome, line.ExitOutcome),
            // The kind of an action is typed by the chair: named items only. Health or justice axes only for the entitled.
            line.Actions.Where(a => reference.SpecialCategory(CodeLists.ActionCategory, a.Category, d.Programme) is not { } category || worker.IsEntitledTo(category))
                .Select(a => new PlannedActionEntry(reference.Code(CodeLists.ActionCategory, a.Category, d.Programme) ?? a.Category, d.Named ? a.Kind : null, a.DueOn)).ToList(),
            d.Named, d.Named ? $"{d.FirstName} {d.LastName?.ToUpperInvariant()}".Trim() : null,
            key is null ? null : vault.Decrypt(key, line.Rationale),
            key is null ? null : vault.Decrypt(key, line.Missing));
    }

    public static string Reason(AgendaReason reason) => reason switch
    {
        AgendaReason.AwaitingOrientation => "En attente d'orientation",
        AgendaReason.NewReferral => "Nouvelle saisine",
        AgendaReason.DueForReview => "Revue périodique",
        AgendaReason.AddedByCoordinator => "Ajouté par un coordinateur",
        _ => reason.ToString(),
    };

    public static string Status(CommitteeStatus status) => status switch
    {
        CommitteeStatus.Scheduled => "Programmée",
        CommitteeStatus.InSession => "En séance",
        CommitteeStatus.Closed => "Close",
        CommitteeStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    private static string? At(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>The labels a document needs (structures, people, territories, codes), loaded once.</summary>
internal sealed record DocumentReference(
    IReadOnlyDictionary<Guid, string> Structures,
    IReadOnlyDictionary<Guid, string> People,
    IReadOnlyList<Territory> Territories,
    IReadOnlyList<CodeListItem> Codes)
{
    /// <summary>The four lists in one round trip.</summary>
    public static async Task<DocumentReference> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var structures = batch.Query<Structure>().ToList();
        var people = batch.Query<Habilitation>().ToList();
        var territories = batch.Query<Territory>().ToList();
        var codes = batch.Query<CodeListItem>().ToList();
        await batch.Execute(ct);
        return new DocumentReference((await structures).ToDictionary(s => s.Id, s => s.Name), (await people).ToDictionary(h => h.Id, h => h.DisplayName),
            await territories, await codes);
    }

    public string Structure(Guid id) => Structures.GetValueOrDefault(id, "—");

    public string? Person(Guid id) => People.GetValueOrDefault(id);

    public string? Code(string list, string? code, string? programme = null) =>
        code is null ? null : (Codes.FirstOrDefault(c => c.List == list && c.Code == code && c.Programme == programme)
                               ?? Codes.FirstOrDefault(c => c.List == list && c.Code == code))?.Label ?? code;

    public SpecialCategory? SpecialCategory(string list, string? code, string? programme) =>
        Codes.FirstOrDefault(c => c.List == list && c.Code == code && c.Category is not null && (c.Programme == programme || c.Programme is null))?.Category;

    public SittingHeader Header(CommitteeView view) => new(
        OutcomeLabels.Kind(view.Kind), OutcomeLabels.Kind(view.Kind),
        view.TerritoryCode is { } t ? Territories.FirstOrDefault(x => x.Id == t)?.Label ?? t : null,
        view.SittingOn, view.StartsAt.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture), view.Place,
        view.OwnerStructures.Select(Structure).ToList(), view.InvitedStructures.Select(Structure).ToList(),
        CommitteeDocuments.Status(view.Status));
}
