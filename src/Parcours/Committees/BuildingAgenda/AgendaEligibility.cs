using Marten;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Committees.BuildingAgenda;

/// <summary>What the eligibility rule needs to know of one pathway (no identifying data but the birth date, kept in memory).</summary>
public sealed record AgendaCandidate(
    Guid PathwayId,
    string Programme,
    string? Track,
    PathwayStatus Status,
    string AgeBand,
    DateOnly? BirthDate,
    bool OrientationPending,
    DateOnly ReferredOn,
    DateOnly? StartedOn,
    DateOnly? LastCommitteeOn)
{
    public static AgendaCandidate Of(PathwayFile file, DateOnly? birthDate) => new(
        file.Id, file.Programme, file.Track, file.Status, file.AgeBand, birthDate,
        file.Orientations.Any(o => o.State == "proposed"), file.ReferredOn,
        file.Timeline.Where(t => t.Kind == "started").Select(t => (DateOnly?)t.On).LastOrDefault(), file.LastCommitteeOn);
}

/// <summary>
/// Which pathways a sitting examines, and why.
/// <list type="bullet">
/// <item>Admission committees: people identified and awaiting orientation (referred or accepted,
/// no accompaniment started, no orientation pending) of the committee's public — young people
/// (16–25) of SAS Coluche and of the Cité de l'emploi young track for the mutualised committee
/// and each programme's own; the Cité de l'emploi adults track, and young people who have turned
/// 26, for the adults' committee.</item>
/// <item>PRE team: the neighbourhood's new referrals (never examined by the team), and its active
/// or suspended pathways the team has not reviewed for <c>reviewEveryMonths</c> (counted from the
/// last decision, else from the start of the accompaniment).</item>
/// <item>Never a sealed (Maison des Femmes) pathway.</item>
/// </list>
/// </summary>
public static class AgendaEligibility
{
    public const string ReviewEveryMonthsSetting = "Parcours:Committees:ReviewEveryMonths";
    public const int DefaultReviewEveryMonths = 3;

    private const string Young = "JEUNES";
    private const string Adults = "ADULTES";

    public static int ReviewEveryMonths(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue(ReviewEveryMonthsSetting, DefaultReviewEveryMonths));

    /// <summary>The programmes whose pathways a kind of sitting may examine.</summary>
    public static IReadOnlyList<string> ProgrammesOf(CommitteeKind kind) => kind switch
    {
        CommitteeKind.PreTeam => ["PRE"],
        CommitteeKind.SasAdmission => ["SAS"],
        CommitteeKind.CiteAdmission => ["CITE"],
        _ => ["SAS", "CITE"],
    };

    /// <summary>Why the pathway belongs on a sitting of this kind held on that day, or null.</summary>
    public static AgendaReason? ReasonFor(CommitteeKind kind, DateOnly sittingOn, int reviewEveryMonths, AgendaCandidate c)
    {
        if (!CommitteeAccess.MayBeListed(c.Programme)) return null;
        if (kind == CommitteeKind.PreTeam)
        {
            if (c.Programme != "PRE") return null;
            if (c.Status is PathwayStatus.Referred or PathwayStatus.Accepted)
                return c.LastCommitteeOn is null ? AgendaReason.NewReferral : null;
            if (c.Status is PathwayStatus.Active or PathwayStatus.Suspended)
                return (c.LastCommitteeOn ?? c.StartedOn ?? c.ReferredOn) <= sittingOn.AddMonths(-reviewEveryMonths) ? AgendaReason.DueForReview : null;
            return null;
        }

        if (c.Status is not (PathwayStatus.Referred or PathwayStatus.Accepted) || c.OrientationPending) return null;
        var youngTrack = c.Programme == "SAS" || (c.Programme == "CITE" && c.Track != Adults);
        var adultsTrack = c.Programme == "CITE" && c.Track == Adults;
        var adult = IsOver26(c, sittingOn);
        var fits = kind switch
        {
            CommitteeKind.MutualisedAdmission => youngTrack && !adult,
            CommitteeKind.SasAdmission => c.Programme == "SAS" && !adult,
            CommitteeKind.CiteAdmission => c.Programme == "CITE" && c.Track is null or Young && !adult,
            CommitteeKind.CiteAdults => adultsTrack || (youngTrack && adult),
            _ => false,
        };
        return fits ? AgendaReason.AwaitingOrientation : null;
    }

    /// <summary>26 or older on the sitting day: from the birth date, else (identity erased) from the age band at referral.</summary>
    private static bool IsOver26(AgendaCandidate c, DateOnly sittingOn) =>
        c.BirthDate is { } birth
            ? Clock.AgeOn(birth, sittingOn) >= 26
            : c.AgeBand is "26-44" or "45-59" or "60+";

    /// <summary>The eligible pathways of a sitting, oldest referral first, with the reason of each.</summary>
    public static async Task<IReadOnlyList<(Guid PathwayId, AgendaReason Reason)>> FindAsync(
        IQuerySession session, PersonVault vault, CommitteeKind kind, string? territoryCode, DateOnly sittingOn, int reviewEveryMonths, CancellationToken ct)
    {
        var files = await QueryAsync(session, kind, territoryCode, ct);
        if (files.Count == 0) return [];
        var identities = kind == CommitteeKind.PreTeam
            ? new Dictionary<Guid, PersonIdentity>()
            : await vault.OpenManyAsync(session, files.Select(f => f.PersonId).ToList(), ct);
        return files
            .OrderBy(f => f.ReferredOn).ThenBy(f => f.Id)
            .Select(f => (f.Id, Reason: ReasonFor(kind, sittingOn, reviewEveryMonths, AgendaCandidate.Of(f, identities.GetValueOrDefault(f.PersonId)?.BirthDate))))
            .Where(x => x.Reason is not null)
            .Select(x => (x.Id, x.Reason!.Value))
            .ToList();
    }

    /// <summary>Whether one pathway is eligible for the sitting (a coordinator may add it even if their structure does not follow it).</summary>
    public static async Task<bool> IsEligibleAsync(IQuerySession session, PersonVault vault, PathwayFile file, CommitteeKind kind, string? territoryCode,
        DateOnly sittingOn, int reviewEveryMonths, CancellationToken ct)
    {
        if (kind == CommitteeKind.PreTeam && !(await TerritoriesOf(session, territoryCode, ct)).Contains(file.TerritoryCode)) return false;
        var identity = vault.Open(await session.LoadAsync<PersonKey>(file.PersonId, ct), await session.LoadAsync<SealedIdentity>(file.PersonId, ct));
        return ReasonFor(kind, sittingOn, reviewEveryMonths, AgendaCandidate.Of(file, identity?.BirthDate)) is not null;
    }

    private static async Task<IReadOnlyList<PathwayFile>> QueryAsync(IQuerySession session, CommitteeKind kind, string? territoryCode, CancellationToken ct)
    {
        var programmes = ProgrammesOf(kind).ToArray();
        var open = new[] { PathwayStatus.Referred, PathwayStatus.Accepted, PathwayStatus.Active, PathwayStatus.Suspended };
        var query = session.Query<PathwayFile>().Where(f => programmes.Contains(f.Programme) && open.Contains(f.Status) && f.ArchivedOn == null);
        if (kind == CommitteeKind.PreTeam)
        {
            var territories = await TerritoriesOf(session, territoryCode, ct);
            query = query.Where(f => territories.Contains(f.TerritoryCode));
        }
        return await query.ToListAsync(ct);
    }

    /// <summary>A PRE team's neighbourhood: the QPV and its sub-sectors (none when the sitting names no territory).</summary>
    private static async Task<string[]> TerritoriesOf(IQuerySession session, string? territoryCode, CancellationToken ct) =>
        string.IsNullOrEmpty(territoryCode)
            ? []
            : (await session.Query<Territory>().Where(t => t.Id == territoryCode || t.ParentId == territoryCode).ToListAsync(ct)).Select(t => t.Id).ToArray();
}
