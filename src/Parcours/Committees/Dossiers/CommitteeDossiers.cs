using System.Security.Cryptography;
using Marten;
using Marten.Services.BatchQuerying;
using Parcours.Audit;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.GettingDetails;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Committees.Dossiers;

/// <summary>
/// Builds the dossiers of a sitting's agenda for one viewer (the API, the page and the printed
/// agenda all read through here):
/// <list type="bullet">
/// <item>named only under <see cref="CommitteeAccess.SeesNamed"/> (charter acknowledged, and a
/// committee-examination consent counting today or the viewer's structure following the pathway),
/// and never when <c>forceAnonymised</c> (the partners' version of a document);</item>
/// <item>anonymised otherwise: a code derived from the item id, and a summary from categorical
/// facts only (never free text);</item>
/// <item>youth-justice and health facts the viewer is not entitled to are left out, as in the file;</item>
/// <item>sealed pathways never appear; each named item shown is traced (<c>committee.dossier</c>).</item>
/// </list>
/// </summary>
public static class CommitteeDossiers
{
    public const string ReadAction = "committee.dossier";

    public static string CharterUrl(Guid committeeId) => $"/instances/{committeeId}/charte";

    public const string CharterNotice =
        "Vous n'avez pas encore signé la charte de confidentialité de cette instance : tous les dossiers vous sont présentés anonymisés. Signez la charte pour voir les dossiers nominatifs.";

    public static async Task<CommitteeAgenda> LoadAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CommitteeView committee,
        CurrentWorker viewer, DateOnly today, bool forceAnonymised, CancellationToken ct) =>
        (await LoadWithKeysAsync(session, vault, trail, committee, viewer, today, forceAnonymised, ct)).Agenda;

    /// <summary>
    /// The agenda, and the person keys of its pathways by pathway id (never sent anywhere: the
    /// minutes decrypt the rationales of named items with them, without loading the files again).
    /// </summary>
    internal static async Task<(CommitteeAgenda Agenda, IReadOnlyDictionary<Guid, PersonKey> KeysByPathway)> LoadWithKeysAsync(IQuerySession session,
        PersonVault vault, AuditTrail trail, CommitteeView committee, CurrentWorker viewer, DateOnly today, bool forceAnonymised, CancellationToken ct)
    {
        var charter = committee.HasAcknowledged(viewer.Id);
        var lines = committee.Agenda.ToList();
        var files = (await session.LoadManyAsync<PathwayFile>(ct, lines.Select(l => l.PathwayId).Distinct().ToArray())).ToDictionary(f => f.Id);
        var personIds = files.Values.Select(f => f.PersonId).Distinct().ToArray();
        // The people's keys and identities and the reference labels, in one round trip.
        var batch = session.CreateBatchQuery();
        var keysLoaded = batch.LoadMany<PersonKey>().ById(personIds);
        var identitiesLoaded = batch.LoadMany<SealedIdentity>().ById(personIds);
        var referenceLoaded = DossierReference.Load(batch);
        await batch.Execute(ct);
        var keys = (await keysLoaded).ToDictionary(k => k.Id);
        var identities = vault.OpenAll(keys.Values, await identitiesLoaded);
        var reference = await referenceLoaded;

        var items = new List<CommitteeDossier>();
        var traced = new List<AuditEntry>();
        foreach (var line in lines)
        {
            if (!files.TryGetValue(line.PathwayId, out var file) || !CommitteeAccess.MayBeListed(file.Programme)) continue;
            var identity = identities.GetValueOrDefault(file.PersonId);
            var named = !forceAnonymised && CommitteeAccess.SeesNamed(viewer, charter, file.ReferentStructureId, file.Sharing, today, PathwayAccess.AdultOn(identity?.BirthDate));
            var dossier = Build(line, items.Count + 1, file, named ? identity : null, named ? keys.GetValueOrDefault(file.PersonId) : null, vault, viewer, reference, today);
            items.Add(dossier);
            if (dossier.Named) traced.Add(AuditEntry.By(viewer, ReadAction, $"committee:{committee.Id}", AuditOutcome.Allowed, file.Id, file.PersonId));
        }
        // Every named item shown is traced, all in one batch before the agenda leaves.
        await trail.RecordManyAsync(traced, ct);

        var agenda = new CommitteeAgenda(committee.Id, committee.Version, committee.Kind, committee.TerritoryCode, committee.SittingOn, committee.Status,
            charter, CommitteeAccess.Convenes(viewer, committee.OwnerStructures), charter || forceAnonymised ? null : CharterNotice, CharterUrl(committee.Id), items);
        return (agenda, files.Values.Where(f => keys.ContainsKey(f.PersonId)).ToDictionary(f => f.Id, f => keys[f.PersonId]));
    }

    /// <summary>The code an anonymised item goes by: stable for the item, and telling nothing of the pathway.</summary>
    public static string CodeOf(Guid itemId)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var hash = SHA256.HashData(itemId.ToByteArray());
        return "A-" + new string(hash.Take(4).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }

    private static CommitteeDossier Build(AgendaItemLine line, int position, PathwayFile file, PersonIdentity? identity, PersonKey? key, PersonVault vault,
        CurrentWorker viewer, DossierReference reference, DateOnly today)
    {
        var named = identity is not null;
        bool Withheld(string list, string? code) => reference.Facts.CategoryOf(list, code, file.Programme) is { } category && !viewer.IsEntitledTo(category);
        var justiceReferral = Withheld(CodeLists.ReferralSource, file.ReferralSource);
        var ageBand = identity is not null ? AgeBand.Of(Clock.AgeOn(identity.BirthDate, today)) : file.AgeBand;
        var actions = file.Actions
            .Where(a => a.Status == ActionStatus.Planned && !Withheld(CodeLists.ActionCategory, a.Category))
            .Select(a => reference.Label(CodeLists.ActionCategory, a.Category, file.Programme))
            .Distinct().ToList();
        var decisions = file.Timeline.Where(t => t.Kind == "committee-decision").Select(t => new PastDecision(t.On, t.Code ?? "")).ToList();
        var facts = new DossierFacts(file.Programme, reference.ProgrammeLabel(file.Programme), file.Sex, ageBand, reference.Neighbourhood(file.TerritoryCode),
            justiceReferral ? null : reference.Label(CodeLists.ReferralSource, file.ReferralSource, null), MonthsBetween(file.ReferredOn, today), actions, decisions.Count);
        var reason = named && !justiceReferral ? vault.Decrypt(key, file.Reason) : null;

        return new CommitteeDossier(
            line.ItemId, position, line.Reason, line.Status, line.Outcome, named, CodeOf(line.ItemId),
            identity?.FirstName, identity?.LastName,
            named && viewer.FollowsCases && viewer.StructureId == file.ReferentStructureId ? file.Id : null,
            file.Programme, facts.ProgrammeLabel, file.Track, ageBand, file.Sex, facts.Neighbourhood, facts.ReferralSource,
            facts.Months, actions, decisions, reason ?? AnonymisedSummary.Of(facts));
    }

    private static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (to.Day < from.Day) months--;
        return Math.Max(0, months);
    }
}

/// <summary>The reference labels and sensitive codes a dossier needs, loaded once per agenda.</summary>
internal sealed record DossierReference(IReadOnlyList<Programme> Programmes, IReadOnlyList<Territory> Territories, IReadOnlyList<CodeListItem> Codes, FileViewFacts Facts)
{
    public static async Task<DossierReference> Load(IBatchedQuery batch)
    {
        var codesLoaded = batch.Query<CodeListItem>().ToList();
        var programmes = batch.Query<Programme>().ToList();
        var territories = batch.Query<Territory>().ToList();
        var codes = await codesLoaded;
        return new DossierReference(await programmes, await territories, codes,
            new FileViewFacts(codes.Where(c => c.Category is not null).ToList(), new HashSet<Guid>(), new HashSet<Guid>()));
    }

    public string ProgrammeLabel(string code) => Programmes.FirstOrDefault(p => p.Id == code)?.Label ?? code;

    /// <summary>The priority neighbourhood (not the sub-sector), to keep anonymised items coarse.</summary>
    public string Neighbourhood(string code)
    {
        var territory = Territories.FirstOrDefault(t => t.Id == code);
        var parent = territory?.ParentId is { } parentId ? Territories.FirstOrDefault(t => t.Id == parentId) : null;
        return (parent ?? territory)?.Label ?? code;
    }

    public string Label(string list, string code, string? programme) =>
        (Codes.FirstOrDefault(c => c.List == list && c.Code == code && c.Programme == programme)
         ?? Codes.FirstOrDefault(c => c.List == list && c.Code == code))?.Label ?? code;
}
