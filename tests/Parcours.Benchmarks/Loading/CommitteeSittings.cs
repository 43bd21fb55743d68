using System.Security.Cryptography;
using System.Text;
using Parcours.Committees;
using Parcours.Committees.Scheduling;
using Parcours.Demo;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Reference;

namespace Parcours.Benchmarks.Loading;

/// <summary>One generated sitting: its stream id and events, in order.</summary>
public sealed record GeneratedSitting(Guid Id, IReadOnlyList<DemoEvent> Events);

/// <summary>A city's sittings, and what each decision cascaded onto the pathways it examined.</summary>
public sealed record CityCommittees(IReadOnlyList<GeneratedSitting> Sittings, IReadOnlyDictionary<Guid, List<DemoEvent>> PathwayEvents);

/// <summary>
/// The committee sittings of one city, held since the first referral, generated from that
/// city's pathways so that the committee streams tell the same story as the pathways: the
/// contract's calendar (<see cref="CommitteeCalendar"/>: a mutualised admission committee every
/// two months, each programme's own committee in between, the adults' committee after each
/// mutualised one, a PRE team per priority neighbourhood every month); an SAS or Cité de l'emploi
/// pathway examined at the first admission sitting of its public while it awaits orientation
/// (postponed once in a while, then examined again), a PRE pathway examined by its
/// neighbourhood's team as a new referral, then every three months while it is followed. Each
/// decision is also recorded on the pathway (<see cref="CommitteeDecisionRecorded"/>), as the
/// cascade does. A national store is many such cities, each with its own sittings (the demo's
/// Calais neighbourhoods and structures, repeated): agendas keep a city's size.
/// Simplification: an admission's "orient" decision names the programme that then started the
/// accompaniment, without opening an orientation ticket; a team's plan names one action, not
/// planned again on the pathway.
/// </summary>
public static class CommitteeSittings
{
    private const int ReviewEveryMonths = 3;
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);
    private static readonly CalendarSettings Settings = new();

    private static readonly IReadOnlyList<Reference.Territory> Neighbourhoods =
        ReferenceSeed.Territories.Where(t => t.Kind == TerritoryKind.Qpv).ToList();

    /// <summary>The team (a priority neighbourhood's code) that follows a territory's PRE pathways, if any.</summary>
    private static readonly IReadOnlyDictionary<string, string> TeamOf = ReferenceSeed.Territories
        .Where(t => t.Kind == TerritoryKind.Qpv || (t.Kind == TerritoryKind.SubSector && t.ParentId is not null))
        .ToDictionary(t => t.Id, t => t.Kind == TerritoryKind.Qpv ? t.Id : t.ParentId!);

    public static CityCommittees Generate(int city, int seed, IReadOnlyList<DemoPathway> pathways, DateTimeOffset now, DemoSealer seal)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Paris).Date);
        var calendar = Enumerable.Range(DemoTerritory.Beginning.Year, today.Year - DemoTerritory.Beginning.Year + 1)
            .SelectMany(year => CommitteeCalendar.Plan(year, CommitteeKinds.All, Neighbourhoods, Settings))
            .Where(s => s.SittingOn > DemoTerritory.Beginning && s.SittingOn < today)
            .Select(s => new Agenda(s))
            .ToList();
        var random = new Random(HashCode.Combine(seed, city, 7));
        var cascaded = new Dictionary<Guid, List<DemoEvent>>();

        foreach (var facts in pathways.Select(PathwayFacts.Of).OfType<PathwayFacts>().OrderBy(f => f.ReferredOn).ThenBy(f => f.Id))
        {
            if (facts.Programme == "PRE") ListForTeam(facts, calendar, random);
            else if (facts.Programme is "SAS" or "CITE") ListForAdmission(facts, calendar, random);
        }

        var sittings = new List<GeneratedSitting>();
        foreach (var agenda in calendar)
        {
            var id = SittingId(seed, city, agenda.Planned);
            sittings.Add(new GeneratedSitting(id, Held(id, agenda, random, seal, cascaded)));
        }
        return new CityCommittees(sittings, cascaded);
    }

    /// <summary>Merges the cascaded decisions into a pathway's events, by time.</summary>
    public static IReadOnlyList<DemoEvent> WithDecisions(DemoPathway pathway, IReadOnlyDictionary<Guid, List<DemoEvent>> cascaded) =>
        cascaded.TryGetValue(pathway.Id, out var decisions)
            ? pathway.Events.Concat(decisions).OrderBy(e => e.At).ToList()
            : pathway.Events;

    private static void ListForAdmission(PathwayFacts p, List<Agenda> calendar, Random random)
    {
        var youngTrack = p.Programme == "SAS" || p.Track != "ADULTES";
        var adult = p.AgeBand is "26-44" or "45-59" or "60+";
        bool Fits(CommitteeKind kind) => kind switch
        {
            CommitteeKind.MutualisedAdmission => youngTrack && !adult,
            CommitteeKind.SasAdmission => p.Programme == "SAS" && !adult,
            CommitteeKind.CiteAdmission => p.Programme == "CITE" && youngTrack && !adult,
            CommitteeKind.CiteAdults => !youngTrack || adult,
            _ => false,
        };

        var awaitingUntil = p.StartedOn ?? p.DeclinedOn ?? DateOnly.MaxValue;
        foreach (var agenda in calendar.Where(a => a.Planned.SittingOn > p.ReferredOn && a.Planned.SittingOn <= awaitingUntil && Fits(a.Planned.Kind)))
        {
            var last = agenda.Planned.SittingOn.AddMonths(2) > awaitingUntil;
            var outcome = !last && random.NextDouble() < 0.12 ? ItemOutcome.Postpone
                : p.DeclinedOn is not null ? ItemOutcome.NoAction
                : p.StartedOn is not null ? ItemOutcome.Orient
                : random.NextDouble() < 0.3 ? ItemOutcome.Postpone : ItemOutcome.Orient;
            agenda.Items.Add(new Item(p, AgendaReason.AwaitingOrientation, outcome));
            if (outcome != ItemOutcome.Postpone) return;
        }
    }

    private static void ListForTeam(PathwayFacts p, List<Agenda> calendar, Random random)
    {
        if (!TeamOf.TryGetValue(p.TerritoryCode, out var team)) return;
        DateOnly? lastDecision = null;
        foreach (var agenda in calendar.Where(a => a.Planned.Kind == CommitteeKind.PreTeam && a.Planned.TerritoryCode == team && a.Planned.SittingOn > p.ReferredOn))
        {
            var on = agenda.Planned.SittingOn;
            AgendaReason? reason = p.StatusOn(on) switch
            {
                PathwayStatus.Referred or PathwayStatus.Accepted when lastDecision is null => AgendaReason.NewReferral,
                PathwayStatus.Active or PathwayStatus.Suspended when (lastDecision ?? p.StartedOn ?? p.ReferredOn) <= on.AddMonths(-ReviewEveryMonths) => AgendaReason.DueForReview,
                _ => null,
            };
            if (reason is null) continue;
            var closing = p.ExitedOn is { } exit && exit <= on.AddMonths(1) && random.NextDouble() < 0.5;
            agenda.Items.Add(new Item(p, reason.Value, closing ? ItemOutcome.Close : ItemOutcome.Continue));
            lastDecision = on;
            if (closing) return;
        }
    }

    /// <summary>The sitting's stream: scheduled, invited, agenda built, members present, session held, items decided, minutes issued.</summary>
    private static List<DemoEvent> Held(Guid id, Agenda agenda, Random random, DemoSealer seal, Dictionary<Guid, List<DemoEvent>> cascaded)
    {
        var planned = agenda.Planned;
        var convener = DemoCommittees.ConvenerOf(planned.Kind).Id;
        var owners = CommitteeKinds.OwnersOf(planned.Kind);
        var invited = DemoCommittees.InvitedTo(planned.Kind);
        var startsAt = new DateTimeOffset(planned.SittingOn.ToDateTime(planned.StartsAt), Paris).ToUniversalTime();
        var scheduledAt = startsAt.AddDays(-45);
        var listedAt = startsAt.AddDays(-8);
        var events = new List<DemoEvent>
        {
            new(new CommitteeScheduled(id, planned.Kind, planned.TerritoryCode, planned.SittingOn, planned.StartsAt, planned.Place, owners, convener, scheduledAt), scheduledAt),
            new(new CommitteeMembersInvited(id, invited, [], convener, scheduledAt.AddMinutes(2)), scheduledAt.AddMinutes(2)),
        };
        var items = agenda.Items.Select(item => (Item: item, Id: Id(random))).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var at = listedAt.AddSeconds(i);
            events.Add(new DemoEvent(new AgendaItemAdded(id, items[i].Id, items[i].Item.Pathway.Id, items[i].Item.Reason, convener, at), at));
        }

        var present = Staff.All.Where(h => h.Roles.Contains(Role.CommitteeMember) && (owners.Contains(h.StructureId) || invited.Contains(h.StructureId))).ToList();
        var clock = startsAt;
        foreach (var member in present)
        {
            clock = clock.AddSeconds(20);
            events.Add(new DemoEvent(new CharterAcknowledged(id, member.Id, member.StructureId, "2024-01", clock), clock));
            events.Add(new DemoEvent(new AttendanceRecorded(id, member.Id, member.StructureId, random.NextDouble() < 0.9, convener, clock), clock));
        }
        clock = clock.AddMinutes(1);
        events.Add(new DemoEvent(new SessionOpened(id, convener, clock), clock));

        foreach (var (item, itemId) in items)
        {
            clock = clock.AddMinutes(2 + random.Next(6));
            var p = item.Pathway;
            var destination = item.Outcome == ItemOutcome.Orient ? p.Programme switch { "SAS" => "SAS", _ => p.Track == "ADULTES" ? "FABRIQUE" : "CEJ" } : null;
            var rationale = seal(p.PersonId, Pick(random, item.Outcome switch
            {
                ItemOutcome.Orient => OrientRationales,
                ItemOutcome.Postpone => PostponeRationales,
                ItemOutcome.NoAction => NoActionRationales,
                ItemOutcome.Close => CloseRationales,
                _ => ContinueRationales,
            }));
            var missing = item.Outcome == ItemOutcome.Postpone ? seal(p.PersonId, Pick(random, MissingPieces)) : null;
            IReadOnlyList<PlannedActionSpec> actions = item.Outcome == ItemOutcome.Continue
                ? [new PlannedActionSpec(Pick(random, PreAxes), "Plan d'action actualisé en équipe pluridisciplinaire", planned.SittingOn.AddMonths(3))]
                : [];
            var exit = item.Outcome == ItemOutcome.Close ? "OBJECTIFS-ATTEINTS" : null;
            events.Add(new DemoEvent(new ItemDecided(id, itemId, p.Id, item.Outcome, destination, destination is null ? null : owners[0], null, exit, actions,
                rationale, missing, planned.SittingOn, convener, clock), clock));
            if (!cascaded.TryGetValue(p.Id, out var onPathway)) cascaded[p.Id] = onPathway = [];
            onPathway.Add(new DemoEvent(new CommitteeDecisionRecorded(p.Id, id, itemId, planned.Kind, item.Outcome, destination, rationale, planned.SittingOn, convener, clock), clock.AddSeconds(1)));
        }

        clock = clock.AddMinutes(5);
        events.Add(new DemoEvent(new SessionClosed(id, convener, clock), clock));
        var issuedAt = clock.AddDays(3);
        events.Add(new DemoEvent(new MinutesIssued(id, 1, convener, issuedAt), issuedAt));
        return events;
    }

    /// <summary>Deterministic per seed, city and slot: a national store holds many cities' calendars.</summary>
    private static Guid SittingId(int seed, int city, PlannedSitting planned)
    {
        var name = $"bench:{seed}:{city}:{planned.Kind}:{planned.TerritoryCode}:{planned.SittingOn:yyyy-MM-dd}";
        return Version8(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
    }

    private static Guid Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Version8(bytes);
    }

    private static Guid Version8(Span<byte> bytes)
    {
        bytes[6] = (byte)(0x80 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes[..16], bigEndian: true);
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static readonly string[] PreAxes = ["SCOLARITE", "OUVERTURE", "SANTE", "PARENTALITE"];
    private static readonly string[] OrientRationales =
        ["Projet cohérent avec l'accompagnement proposé.", "Besoin d'un accompagnement renforcé, partagé par les partenaires.", "Motivation confirmée lors de l'entretien."];
    private static readonly string[] PostponeRationales = ["Situation à préciser avant décision.", "Entretien de diagnostic à programmer."];
    private static readonly string[] MissingPieces = ["Bilan de l'établissement scolaire.", "Avis du référent de la structure d'origine.", "Justificatif de situation."];
    private static readonly string[] NoActionRationales = ["La personne ne souhaite pas d'accompagnement.", "Déjà suivie par un autre dispositif."];
    private static readonly string[] ContinueRationales =
        ["Progrès constatés, poursuite du parcours.", "Assiduité retrouvée, objectifs à consolider.", "Famille mobilisée, plan d'action ajusté."];
    private static readonly string[] CloseRationales = ["Objectifs du parcours atteints.", "Relais pris par le droit commun."];

    private sealed record Item(PathwayFacts Pathway, AgendaReason Reason, ItemOutcome Outcome);

    private sealed record Agenda(PlannedSitting Planned)
    {
        public List<Item> Items { get; } = [];
    }
}

/// <summary>What the sittings need of one pathway: its programme, place and the days its status changed.</summary>
internal sealed record PathwayFacts(
    Guid Id, Guid PersonId, string Programme, string? Track, string TerritoryCode, string AgeBand, DateOnly ReferredOn,
    DateOnly? DeclinedOn, DateOnly? StartedOn, DateOnly? ExitedOn, IReadOnlyList<(DateOnly On, PathwayStatus Status)> Changes)
{
    public static PathwayFacts? Of(DemoPathway pathway)
    {
        if (pathway.Events.Count == 0 || pathway.Events[0].Data is not PathwayReferred referred) return null;
        DateOnly? declined = null, started = null, exited = null;
        var changes = new List<(DateOnly, PathwayStatus)> { (referred.ReferredOn, PathwayStatus.Referred) };
        foreach (var e in pathway.Events)
        {
            switch (e.Data)
            {
                case ReferralAccepted a: changes.Add((a.AcceptedOn, PathwayStatus.Accepted)); break;
                case ReferralDeclined d: declined ??= d.DeclinedOn; changes.Add((d.DeclinedOn, PathwayStatus.Declined)); break;
                case AccompanimentStarted s: started ??= s.StartedOn; changes.Add((s.StartedOn, PathwayStatus.Active)); break;
                case PathwaySuspended s: changes.Add((s.SuspendedOn, PathwayStatus.Suspended)); break;
                case PathwayResumed r: changes.Add((r.ResumedOn, PathwayStatus.Active)); break;
                case PathwayExited x: exited = x.ExitedOn; changes.Add((x.ExitedOn, PathwayStatus.Exited)); break;
                case PathwayReopened r: exited = null; changes.Add((r.ReopenedOn, PathwayStatus.Active)); break;
            }
        }
        return new PathwayFacts(pathway.Id, pathway.PersonId, referred.Programme, referred.Track, referred.TerritoryCode, referred.AgeBand,
            referred.ReferredOn, declined, started, exited, changes);
    }

    /// <summary>The status in force at the start of a day.</summary>
    public PathwayStatus StatusOn(DateOnly day)
    {
        var status = PathwayStatus.Referred;
        foreach (var (on, next) in Changes)
        {
            if (on >= day) break;
            status = next;
        }
        return status;
    }
}
