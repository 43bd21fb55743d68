using Marten;
using Marten.Services.BatchQuerying;
using Parcours.Identity;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Pathways.GettingDetails;

/// <summary>
/// What a file's view depends on besides the file: which reference codes are youth-justice or
/// health information, and which structures (and their workers) are sealed from this reader.
/// </summary>
public sealed record FileViewFacts(IReadOnlyList<CodeListItem> SensitiveCodes, IReadOnlySet<Guid> SealedStructures, IReadOnlySet<Guid> SealedStaff)
{
    public static async Task<FileViewFacts> LoadAsync(IQuerySession session, CurrentWorker worker, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var facts = Load(batch, worker);
        await batch.Execute(ct);
        return await facts;
    }

    /// <summary>The same facts as part of a batch: the sensitive codes, the structures and the habilitations in the batch's one round trip.</summary>
    public static async Task<FileViewFacts> Load(IBatchedQuery batch, CurrentWorker worker)
    {
        var codes = batch.Query<CodeListItem>().Where(c => c.Category != null).ToList();
        var structures = batch.Query<Structure>().ToList();
        // Only who works where: every habilitation of the territory is read, so nothing more of it.
        var staff = batch.Query<Habilitation>().Select(h => new { h.Id, h.StructureId }).ToList();
        var sealedStructures = (await structures)
            .Where(s => s.Programmes.Any(PathwayAccess.IsSealed) && s.Id != worker.StructureId)
            .Select(s => s.Id).ToHashSet();
        var sealedStaff = (await staff).Where(h => sealedStructures.Contains(h.StructureId)).Select(h => h.Id).ToHashSet();
        return new FileViewFacts(await codes, sealedStructures, sealedStaff);
    }

    /// <summary>The special category of a code, the programme's own item first.</summary>
    public SpecialCategory? CategoryOf(string list, string? code, string programme) =>
        code is null
            ? null
            : (SensitiveCodes.FirstOrDefault(c => c.List == list && c.Code == code && c.Programme == programme)
               ?? SensitiveCodes.FirstOrDefault(c => c.List == list && c.Code == code && c.Programme is null))?.Category;
}

/// <summary>
/// Builds the file a worker may read from the stored file and their grant, in one place:
/// <list type="bullet">
/// <item>summary view: no free text (reason, notes, review summaries), no consent ledger or team;</item>
/// <item>youth-justice or health information the worker is not entitled to is left out: a
/// justice referral's source, referring structure and reason; actions of a health axis with
/// their history lines; codes of such categories in the history;</item>
/// <item>outside the Maison des Femmes, nothing points to it: neither as referring structure
/// nor as the author of a history line.</item>
/// </list>
/// </summary>
public static class FileView
{
    private static readonly HashSet<string> SharingKinds =
        ["consent-recorded", "consent-withdrawn", "team-member-added", "team-member-removed", "parents-informed", "sharing-exception", "safe-contact"];

    public static PathwayDetails Of(PathwayFile f, PersonIdentity? identity, Func<EncryptedText?, string?> decrypt, PathwayGrant grant, FileViewFacts facts, DateOnly today)
    {
        var full = grant.View == PathwayView.Full;
        bool Withheld(string list, string? code) => facts.CategoryOf(list, code, f.Programme) is { } category && !grant.IsEntitledTo(category);
        string? Text(EncryptedText? text) => full ? decrypt(text) : null;
        Guid By(Guid worker) => facts.SealedStaff.Contains(worker) ? Guid.Empty : worker;

        var justiceReferral = Withheld(CodeLists.ReferralSource, f.ReferralSource);
        var hiddenActions = f.Actions.Where(a => Withheld(CodeLists.ActionCategory, a.Category)).Select(a => a.ActionId).ToHashSet();
        var referring = justiceReferral || f.ReferringStructureId is { } r && facts.SealedStructures.Contains(r) ? null : f.ReferringStructureId;

        var timeline = new List<TimelineItem>();
        foreach (var entry in f.Timeline)
        {
            if (entry.ItemId is { } item && hiddenActions.Contains(item)) continue;
            if (!full && SharingKinds.Contains(entry.Kind)) continue;
            var withheld = ListOf(entry.Kind) is { } list && Withheld(list, entry.Code);
            timeline.Add(new TimelineItem(entry.On, entry.Kind, withheld ? null : entry.Code, withheld ? null : Text(entry.Text), By(entry.By), entry.At));
        }

        var adultOn = PathwayAccess.AdultOn(identity?.BirthDate);
        return new PathwayDetails(
            f.Id, f.Version, grant.View, grant.MayAct,
            new PersonSummary(f.PersonId, identity?.FirstName, identity?.LastName, identity?.BirthDate, f.Sex),
            f.Programme, f.Track, f.Status, f.ReferredOn,
            justiceReferral ? null : f.ReferralSource, referring,
            f.TerritoryCode, f.ReferentStructureId, f.ReferentWorkerId, f.AgeBand,
            justiceReferral ? null : Text(f.Reason),
            f.LastDate,
            Withheld(CodeLists.ExitOutcome, f.Outcome) ? null : f.Outcome,
            f.Actions.Where(a => !hiddenActions.Contains(a.ActionId))
                .Select(a => new ActionItem(a.ActionId, a.Category, a.Kind, a.PlannedOn, a.DueOn, a.Status, a.DoneOn, Text(a.Note))).ToList(),
            f.Orientations.Where(o => !Withheld(CodeLists.Destination, o.Destination)).ToList(),
            timeline,
            full ? Sharing(f, decrypt, today, adultOn) : null,
            full && PathwayAccess.IsSealed(f.Programme) && f.SafeContact is { } mode ? new SafeContactDetails(mode, decrypt(f.SafeContactInstructions)) : null,
            f.Restricted);
    }

    private static SharingDetails Sharing(PathwayFile f, Func<EncryptedText?, string?> decrypt, DateOnly today, DateOnly? adultOn)
    {
        var sharing = f.Sharing;
        return new SharingDetails(
            adultOn is not { } adult || today < adult,
            sharing.Consents.Select(c => new ConsentItem(c.ConsentId, c.Purpose, c.Structures, c.GivenBy, c.Mode, c.GivenOn, c.ExpiresOn, c.WithdrawnOn,
                decrypt(f.MinorViews.GetValueOrDefault(c.ConsentId)), c.CountsOn(today, adultOn))).ToList(),
            sharing.Team.Select(m => new TeamMemberItem(m.StructureId, m.Purpose, m.AddedOn,
                sharing.CoveringConsent(m.StructureId, m.Purpose, today, adultOn)?.ConsentId)).ToList(),
            sharing.ParentsInformedOn,
            sharing.ExceptionJustifiedOn);
    }

    /// <summary>The code list a history line's code belongs to.</summary>
    private static string? ListOf(string kind) => kind switch
    {
        "referred" => CodeLists.ReferralSource,
        "declined" => CodeLists.DeclineReason,
        "orientation-proposed" or "orientation-accepted" or "orientation-refused" => CodeLists.Destination,
        "suspended" => CodeLists.SuspensionReason,
        "exited" => CodeLists.ExitOutcome,
        _ => null,
    };
}
