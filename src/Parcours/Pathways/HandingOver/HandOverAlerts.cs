using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Pathways.HandingOver;

/// <summary>Why a pathway must be handed over (or its consents renewed) because of the person's age.</summary>
public enum HandOverKind
{
    /// <summary>A PRE child turns 16 (the PRE ends): propose SAS Coluche or another scheme.</summary>
    TurningSixteen,
    /// <summary>A young person of SAS Coluche (or the Cité de l'emploi young track) turns 26: the adults' committee.</summary>
    TurningTwentySix,
    /// <summary>A minor turns 18: their own consent must replace the parents'.</summary>
    TurningEighteen,
    /// <summary>Already 18 while only the parents' consents are on file: they no longer count.</summary>
    AdultUnderParentsConsent,
}

/// <summary>How far ahead each alert is raised (months), from <c>Parcours:HandOver:*</c>.</summary>
public sealed record HandOverHorizons(int SixteenWithinMonths = 6, int TwentySixWithinMonths = 6, int EighteenWithinMonths = 3)
{
    public static HandOverHorizons From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Parcours:HandOver");
        return new HandOverHorizons(
            section.GetValue(nameof(SixteenWithinMonths), 6), section.GetValue(nameof(TwentySixWithinMonths), 6), section.GetValue(nameof(EighteenWithinMonths), 3));
    }
}

/// <summary>One alert of the worker's caseload; <see cref="On"/> is the birthday the alert is about.</summary>
public sealed record HandOverAlert(Guid PathwayId, string? DisplayName, string Programme, string? Track, PathwayStatus Status, HandOverKind Kind, DateOnly On);

/// <summary>
/// Hand-over by age, for the pathways the worker's structure follows (never anyone else's: the
/// birth date is decrypted only for them). The rules are pure and dated; the clock decides.
/// </summary>
public static class HandOver
{
    public const string ListAction = "pathway.handover-alerts";

    private static readonly PathwayStatus[] Open = [PathwayStatus.Referred, PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended];

    /// <summary>The alerts one pathway raises today.</summary>
    public static IEnumerable<(HandOverKind Kind, DateOnly On)> Due(string programme, string? track, DateOnly birthDate, CaseSharing sharing, DateOnly today, HandOverHorizons horizons)
    {
        var sixteen = birthDate.AddYears(16);
        if (programme == "PRE" && sixteen <= today.AddMonths(horizons.SixteenWithinMonths)) yield return (HandOverKind.TurningSixteen, sixteen);

        var twentySix = birthDate.AddYears(26);
        var youngTrack = programme == "SAS" || (programme == "CITE" && track != "ADULTES");
        if (youngTrack && twentySix <= today.AddMonths(horizons.TwentySixWithinMonths)) yield return (HandOverKind.TurningTwentySix, twentySix);

        var eighteen = birthDate.AddYears(18);
        if (OnlyParentsConsents(sharing, today))
        {
            if (today < eighteen && eighteen <= today.AddMonths(horizons.EighteenWithinMonths)) yield return (HandOverKind.TurningEighteen, eighteen);
            else if (eighteen <= today) yield return (HandOverKind.AdultUnderParentsConsent, eighteen);
        }
    }

    /// <summary>Consents of the parents still in force on their own terms, and none of the person's.</summary>
    private static bool OnlyParentsConsents(CaseSharing sharing, DateOnly today)
    {
        var inForce = sharing.Consents.Where(c => c.WithdrawnOn is null && c.GivenOn <= today && (c.ExpiresOn is not { } expiry || today <= expiry)).ToList();
        return inForce.Any(c => c.GivenBy == ConsentGiver.ParentalAuthority) && inForce.All(c => c.GivenBy != ConsentGiver.Person);
    }

    /// <summary>The alerts of the worker's caseload, soonest first. Traced as one list read (no case ids) when <paramref name="trace"/>.</summary>
    public static async Task<IReadOnlyList<HandOverAlert>> QueryAsync(IQuerySession session, PersonVault vault, AuditTrail trail, CurrentWorker worker,
        DateOnly today, HandOverHorizons horizons, bool trace, CancellationToken ct)
    {
        if (trace) await trail.RecordAsync(AuditEntry.By(worker, ListAction, "caseload", PathwayAccess.OwnStructure(worker) is null ? AuditOutcome.Refused : AuditOutcome.Allowed), ct);
        if (PathwayAccess.OwnStructure(worker) is not { } own) return [];
        var files = await session.Query<PathwayFile>().Where(f => f.ReferentStructureId == own && Open.Contains(f.Status) && f.ArchivedOn == null).ToListAsync(ct);
        if (files.Count == 0) return [];
        var identities = await vault.OpenManyAsync(session, files.Select(f => f.PersonId).ToList(), ct);
        return files
            .Where(f => identities.ContainsKey(f.PersonId))
            .Where(f => PathwayAccess.For(worker, f, today, PathwayAccess.AdultOn(identities[f.PersonId].BirthDate)).Sees)
            .SelectMany(f => Due(f.Programme, f.Track, identities[f.PersonId].BirthDate, f.Sharing, today, horizons)
                .Select(a => new HandOverAlert(f.Id, identities[f.PersonId].DisplayName, f.Programme, f.Track, f.Status, a.Kind, a.On)))
            .OrderBy(a => a.On).ThenBy(a => a.PathwayId)
            .ToList();
    }
}

public static class ListHandOverAlertsEndpoint
{
    [WolverineGet("/api/pathways/handover-alerts", OperationId = "listHandOverAlerts")]
    public static Task<IReadOnlyList<HandOverAlert>> Get(CurrentWorker worker, IQuerySession session, PersonVault vault, AuditTrail trail, IConfiguration configuration,
        TimeProvider time, CancellationToken ct) =>
        HandOver.QueryAsync(session, vault, trail, worker, time.Today(), HandOverHorizons.From(configuration), trace: true, ct);
}
