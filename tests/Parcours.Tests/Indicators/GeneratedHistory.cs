using Marten;
using Parcours.Committees;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Indicators;

/// <summary>
/// Random but reproducible pathway stories (seeded), appended straight to the event store as the
/// commands would append them: referrals, declines, acceptances, starts, orientations accepted,
/// refused, expired or left pending, committee decisions, exits with outcomes, reopenings, in
/// several programmes and neighbourhoods, some people with two pathways, and events the indicators
/// ignore. Each story's events are appended over several rounds, so streams interleave.
/// </summary>
public sealed class GeneratedHistory(int seed)
{
    private static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly Guid Worker = Staff.PreReferent.Id;
    private static readonly string[] Programmes = ["PRE", "PRE", "SAS", "CITE", "MDF"];
    private static readonly string[] Sources = ["ECOLE", "ECOLE", "GPDS", "CDDF", "PJJ", "FAMILLE", "CCAS", "MARAUDE", "FT"];
    private static readonly string[] Destinations = ["SAS", "MDF", "SPIRALE", "FABRIQUE", "FERME-URBAINE", "CEJ"];
    private static readonly string[] Outcomes = ["EMPLOI", "FORMATION", "RETOUR-SCOLARITE", "PROJET-DEFINI", "DEMENAGEMENT", "ABANDON"];

    private readonly Random _random = new(seed);
    private readonly DateOnly _today = Scenarios.Today;
    private readonly List<Story> _stories = [];

    /// <summary>Few neighbourhoods carry most pathways, so some published counts reach the threshold.</summary>
    private readonly string[] _territories =
    [
        "BM-GREUZE-VADEZ", "BM-GREUZE-VADEZ", "BM-GREUZE-VADEZ", "BM-GAGARINE", "BM-GAGARINE", "FNCSP-CONSTANTINE", "FNCSP-CONSTANTINE", "HORS-QPV",
        .. ReferenceSeed.Territories.Select(t => t.Id),
    ];

    public int Pathways => _stories.Count;

    public int People => _stories.Select(s => s.Person).Distinct().Count();

    /// <summary>Generates <paramref name="count"/> pathways referred between <paramref name="from"/> (default 2023-01-01) and a month ago.</summary>
    public GeneratedHistory AddPathways(int count, DateOnly? from = null)
    {
        var first = from ?? Start;
        var span = Math.Max(1, _today.AddDays(-30).DayNumber - first.DayNumber);
        for (var i = 0; i < count; i++) _stories.Add(Tell(first.AddDays(_random.Next(span))));
        return this;
    }

    /// <summary>
    /// Changes to stories already told, as workers type them late: exits dated back within the
    /// current year, reopenings, answers to pending orientations.
    /// </summary>
    public GeneratedHistory AddLateChanges(int count)
    {
        var january = new DateOnly(_today.Year, 1, 1);
        for (var done = 0; done < count;)
        {
            var story = _stories[_random.Next(_stories.Count)];
            var on = story.Last > january ? story.Last : january;
            if (story.Pending.Count > 0)
            {
                var orientation = story.Pending[0];
                story.Pending.RemoveAt(0);
                story.Add(new OrientationAccepted(story.Id, orientation, _today, Worker, At(_today)), _today);
            }
            else if (story.Status == PathwayStatus.Active)
            {
                var exited = Between(on, _today);
                story.Add(new PathwayExited(story.Id, exited, Pick(Outcomes), null, Worker, At(exited)), exited);
                story.Status = PathwayStatus.Exited;
            }
            else if (story.Status == PathwayStatus.Exited)
            {
                story.Add(new PathwayReopened(story.Id, _today, null, Worker, At(_today)), _today);
                story.Status = PathwayStatus.Active;
            }
            else continue;
            done++;
        }
        return this;
    }

    /// <summary>Appends every event not yet appended, over <paramref name="rounds"/> rounds, in sessions of a few hundred streams.</summary>
    public async Task AppendAsync(IDocumentStore store, int rounds = 1)
    {
        for (var round = 0; round < rounds; round++)
        {
            var left = rounds - round;
            foreach (var batch in _stories.Where(s => s.Unsent.Count > 0).Chunk(400))
            {
                await using var session = store.LightweightSession();
                foreach (var story in batch)
                {
                    var take = (story.Unsent.Count + left - 1) / left;
                    var events = story.Unsent.Take(take).ToArray();
                    story.Unsent.RemoveRange(0, take);
                    if (story.Appended) session.Events.Append(story.Id, events);
                    else session.Events.StartStream<Pathway>(story.Id, events);
                    story.Appended = true;
                }
                await session.SaveChangesAsync();
            }
        }
    }

    private Story Tell(DateOnly referredOn)
    {
        var programme = Pick(Programmes);
        // One pathway in ten is a second pathway of someone already followed elsewhere.
        var other = _stories.Count > 0 && _random.NextDouble() < 0.1 ? _stories[_random.Next(_stories.Count)] : null;
        var sameSex = other is not null && (programme != "MDF" || other.Sex == Sex.F);
        var story = new Story(Guid.CreateVersion7(), sameSex ? other!.Person : Guid.CreateVersion7(), programme == "MDF" ? Sex.F : sameSex ? other!.Sex : Pick([Sex.F, Sex.M]));
        var track = programme == "CITE" ? Pick(["JEUNES", "ADULTES"]) : null;
        var band = programme switch
        {
            "PRE" => Pick(["0-5", "6-10", "6-10", "11-15", "11-15"]),
            "SAS" => Pick(["16-17", "18-25", "18-25"]),
            "CITE" when track == "JEUNES" => Pick(["16-17", "18-25"]),
            "CITE" => Pick(["26-44", "45-59"]),
            _ => Pick(["18-25", "26-44", "26-44", "45-59", "60+"]),
        };
        var source = Pick(Sources);
        Guid? referrer = source switch { "ECOLE" or "GPDS" => Structures.CollegeLesDunes, "PJJ" => Structures.Pjj, "CCAS" => Structures.Ccas, _ => null };
        story.Add(new PathwayReferred(story.Id, story.Person, programme, track, referredOn, source, referrer, Pick(_territories), Structures.PreCalais,
            story.Sex, band, null, Worker, At(referredOn)), referredOn);

        var roll = _random.NextDouble();
        if (roll < 0.08)
        {
            var declined = Later(story.Last, 20);
            story.Add(new ReferralDeclined(story.Id, declined, "HORS-CRITERES", null, Worker, At(declined)), declined);
            story.Status = PathwayStatus.Declined;
            return story;
        }
        if (roll < 0.13) return story;
        var accepted = Later(story.Last, 20);
        story.Add(new ReferralAccepted(story.Id, accepted, Worker, At(accepted)), accepted);
        story.Status = PathwayStatus.Accepted;
        if (_random.NextDouble() < 0.1) return story;
        var started = Later(story.Last, 20);
        story.Add(new AccompanimentStarted(story.Id, started, Worker, Worker, At(started)), started);
        story.Status = PathwayStatus.Active;
        if (_random.NextDouble() < 0.5)
        {
            var planned = Later(story.Last, 15);
            story.Add(new ActionPlanned(story.Id, Guid.CreateVersion7(), "SCOLARITE", "SOUTIEN", planned, null, null, Worker, At(planned)), planned);
        }
        for (var n = _random.Next(3); n > 0; n--) Orientation(story);
        for (var n = _random.NextDouble() < 0.4 ? 1 + _random.Next(2) : 0; n > 0; n--)
        {
            var decided = Later(story.Last, 45);
            var kind = programme == "PRE" ? CommitteeKind.PreTeam : CommitteeKind.MutualisedAdmission;
            var outcome = programme == "PRE" ? Pick([ItemOutcome.Continue, ItemOutcome.ReferElsewhere]) : Pick([ItemOutcome.Orient, ItemOutcome.Postpone, ItemOutcome.NoAction]);
            story.Add(new CommitteeDecisionRecorded(story.Id, Guid.CreateVersion7(), Guid.CreateVersion7(), kind, outcome, null, null, decided, Worker, At(decided)), decided);
        }
        if (_random.NextDouble() < 0.6) Exit(story);
        if (story.Status == PathwayStatus.Exited && _random.NextDouble() < 0.15)
        {
            var reopened = Later(story.Last, 90);
            story.Add(new PathwayReopened(story.Id, reopened, null, Worker, At(reopened)), reopened);
            story.Status = PathwayStatus.Active;
            if (_random.NextDouble() < 0.5) Exit(story);
        }
        return story;
    }

    private void Orientation(Story story)
    {
        var id = Guid.CreateVersion7();
        var proposed = Later(story.Last, 60);
        story.Add(new OrientationProposed(story.Id, id, Pick(Destinations), proposed, null, Worker, At(proposed)), proposed);
        var answered = Later(story.Last, 30);
        var roll = _random.NextDouble();
        if (roll < 0.4) story.Add(new OrientationAccepted(story.Id, id, answered, Worker, At(answered)), answered);
        else if (roll < 0.6) story.Add(new OrientationRefused(story.Id, id, answered, "REFUS-PERSONNE", null, Worker, At(answered)), answered);
        else if (roll < 0.75) story.Add(new OrientationExpired(story.Id, id, answered, At(answered)), answered);
        else story.Pending.Add(id);
    }

    private void Exit(Story story)
    {
        var exited = Later(story.Last, 300);
        story.Add(new PathwayExited(story.Id, exited, Pick(Outcomes), null, Worker, At(exited)), exited);
        story.Status = PathwayStatus.Exited;
    }

    private DateOnly Later(DateOnly after, int days)
    {
        var day = after.AddDays(1 + _random.Next(days));
        return day > _today ? _today : day;
    }

    private DateOnly Between(DateOnly from, DateOnly to) => from >= to ? to : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private sealed class Story(Guid id, Guid person, Sex sex)
    {
        public Guid Id { get; } = id;
        public Guid Person { get; } = person;
        public Sex Sex { get; } = sex;
        public PathwayStatus Status { get; set; } = PathwayStatus.Referred;
        public DateOnly Last { get; private set; }
        public List<Guid> Pending { get; } = [];
        public List<object> Unsent { get; } = [];
        public bool Appended { get; set; }

        public void Add(object e, DateOnly on)
        {
            Unsent.Add(e);
            if (on > Last) Last = on;
        }
    }
}
