using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Demo;

/// <summary>What a pathway story needs to know about the person it follows.</summary>
internal sealed record DemoSubject(Guid Id, string FirstName, DateOnly BirthDate, Sex Sex);

/// <summary>
/// Tells one pathway from its referral to today, day by day, appending only the events the
/// pathway's status allows at that point (the same transitions the commands enforce): a
/// decision on the referral, the start of the accompaniment, actions planned and done, reviews,
/// orientations, suspensions, the exit and sometimes a reopening. Stops at today.
/// </summary>
internal sealed class PathwayStory
{
    private readonly DemoWorld _world;
    private readonly DemoProgramme _programme;
    private readonly DemoSubject _subject;
    private readonly Guid _id;
    private readonly bool _mustExit;
    private readonly List<DemoEvent> _events = [];
    private readonly List<Guid> _openActions = [];
    private readonly string[] _categories;
    private (Guid Id, string Destination, DateOnly ProposedOn)? _pendingOrientation;
    private bool _orientationAccepted;
    private int _orientations;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private Habilitation _referent;
    private Guid? _referring;
    private string _source = "";
    private Guid? _teamConsent;

    private PathwayStory(DemoWorld world, DemoProgramme programme, DemoSubject subject, DateTimeOffset referredAt, bool mustExit)
    {
        _world = world;
        _programme = programme;
        _subject = subject;
        _mustExit = mustExit;
        _id = world.Dice.Id(referredAt);
        _referent = programme.Registrar;
        _categories = ReferenceSeed.Codes
            .Where(c => c.List == CodeLists.ActionCategory && c.Programme == programme.Code)
            .Select(c => c.Code).ToArray();
    }

    private DemoDice Dice => _world.Dice;

    /// <summary>The exit date when the pathway ended today in the "exited" status.</summary>
    public DateOnly? ExitedOn { get; private set; }

    /// <summary>
    /// Tells a pathway referred on <paramref name="referredAt"/>. With <paramref name="mustExit"/>
    /// the referral is accepted and the pathway ends at least two months before today.
    /// </summary>
    /// <param name="source">The referral source, when the household decides it (a GPDS pupil, a young person under PJJ supervision).</param>
    public static (DemoPathway Pathway, DateOnly? ExitedOn) Tell(
        DemoWorld world, DemoProgramme programme, DemoSubject subject, DateTimeOffset referredAt, string territory, bool mustExit = false,
        string? source = null)
    {
        var story = new PathwayStory(world, programme, subject, referredAt, mustExit) { _source = source ?? "" };
        story.Run(DemoWorld.ParisDay(referredAt), referredAt, territory);
        return (new DemoPathway(story._id, subject.Id, story._events), story.ExitedOn);
    }

    private void Run(DateOnly referredOn, DateTimeOffset referredAt, string territory)
    {
        Refer(referredOn, referredAt, territory);
        ConsentToCommittee(referredOn);
        var decidedOn = Later(referredOn, Dice.Between(_programme.DecisionDays));
        if (!_world.Happened(decidedOn)) return;
        if (!_mustExit && Dice.Chance(_programme.DeclineRate))
        {
            var reason = Dice.Pick(["HORS-CRITERES", "REFUS-FAMILLE", "DEJA-SUIVI", "INJOIGNABLE", "INJOIGNABLE", "AUTRE"]);
            Add(decidedOn, at => new ReferralDeclined(_id, decidedOn, reason, Note(0.5, DemoCatalogue.DeclineNotes), _programme.Registrar.Id, at));
            return;
        }
        Add(decidedOn, at => new ReferralAccepted(_id, decidedOn, _programme.Registrar.Id, at));
        if (Dice.Chance(0.25)) PlanAction(decidedOn);

        var startedOn = Later(decidedOn, Dice.Between(_programme.StartDays));
        if (!_world.Happened(startedOn)) return;
        _referent = Dice.Pick(_programme.Referents);
        Add(startedOn, at => new AccompanimentStarted(_id, startedOn, _referent.Id, _programme.Registrar.Id, at));
        Share(startedOn);

        var exitOn = Later(startedOn, Dice.Between(_programme.DurationDays));
        if (_mustExit)
        {
            var latest = DemoWorld.Weekday(_world.Today.AddDays(-62));
            exitOn = exitOn > latest ? latest : exitOn;
            if (exitOn <= startedOn) exitOn = startedOn.AddDays(1);
        }
        Accompany(startedOn, exitOn, mayReopen: !_mustExit);
    }

    private void Refer(DateOnly on, DateTimeOffset at, string territory)
    {
        var age = AgeOn(on);
        var source = _source.Length > 0 ? _source : Dice.Pick(_programme.Sources, age);
        _source = source;
        var reasons = DemoCatalogue.ReferralReasons.TryGetValue(_programme.ReasonKey(source), out var specific) && Dice.Chance(0.7)
            ? specific
            : DemoCatalogue.ReferralReasons[_programme.Code];
        _last = at;
        _referring = ReferringStructure(source, age);
        _events.Add(new DemoEvent(new PathwayReferred(
            _id, _subject.Id, _programme.Code, _programme.Track, on, source, _referring, territory,
            _programme.Structure, _subject.Sex, AgeBand.Of(age), Seal(Dice.Pick(reasons)), _programme.Registrar.Id, at), at));
    }

    private void Accompany(DateOnly from, DateOnly exitOn, bool mayReopen)
    {
        var day = from;
        var initialActions = Dice.Between(1, 3);
        for (var i = 0; i < initialActions; i++) PlanAction(day);
        while (true)
        {
            var next = Later(day, Dice.Between(10, 45));
            if (next >= exitOn) break;
            if (!_world.Happened(next)) return;
            day = next;
            if (!Step(ref day, exitOn)) return;
        }
        if (!_world.Happened(exitOn)) return;
        Exit(exitOn, interrupted: false);
        if (!mayReopen || !Dice.Chance(0.05)) return;

        var reopenedOn = Later(exitOn, Dice.Between(30, 200));
        if (!_world.Happened(reopenedOn)) return;
        ExitedOn = null;
        Add(reopenedOn, at => new PathwayReopened(_id, reopenedOn, Seal(Dice.Pick(DemoCatalogue.ReopeningReasons)), _referent.Id, at));
        Accompany(reopenedOn, Later(reopenedOn, Dice.Between(60, 240)), mayReopen: false);
    }

    /// <summary>One thing happening on <paramref name="day"/>; false when the story stops here.</summary>
    private bool Step(ref DateOnly day, DateOnly exitOn)
    {
        var on = day;
        if (_pendingOrientation is { } pending && on.DayNumber - pending.ProposedOn.DayNumber >= 7)
        {
            DecideOrientation(on, accept: Dice.Chance(0.65));
            return true;
        }

        int complete = _openActions.Count > 0 ? 30 : 0, plan = 20, review = _programme.ReviewWeight,
            propose = _pendingOrientation is null && _orientations < 2 ? _programme.OrientationWeight * (IsGpdsPupil ? DemoProgramme.GpdsOrientationBoost : 1) : 0,
            cancel = _openActions.Count > 0 ? 4 : 0, withdraw = _teamConsent is null ? 0 : 1, suspend = _mustExit ? 0 : 3;
        var roll = Dice.Between(1, complete + plan + review + propose + cancel + withdraw + suspend);
        if ((roll -= complete) <= 0) CloseAction(on, completed: true);
        else if ((roll -= plan) <= 0) PlanAction(on);
        else if ((roll -= review) <= 0) Add(on, at => new ReviewRecorded(_id, Dice.Id(at), on, Seal(Dice.Pick(DemoCatalogue.ReviewSummaries[_programme.Code])), _referent.Id, at));
        else if ((roll -= propose) <= 0) ProposeOrientation(on);
        else if ((roll -= cancel) <= 0) CloseAction(on, completed: false);
        else if ((roll -= withdraw) <= 0) WithdrawConsent(on);
        else return Suspend(ref day, exitOn);
        return true;
    }

    private bool Suspend(ref DateOnly day, DateOnly exitOn)
    {
        var on = day;
        var reason = Dice.Pick(_programme.Code is "SAS" or "CITE"
            ? ["INDISPONIBLE", "HOSPITALISATION", "INCARCERATION", "ABSENCE", "ABSENCE", "AUTRE"]
            : new[] { "INDISPONIBLE", "HOSPITALISATION", "ABSENCE", "ABSENCE", "AUTRE" });
        Add(on, at => new PathwaySuspended(_id, on, reason, Note(0.5, DemoCatalogue.SuspensionNotes), _referent.Id, at));

        var resumedOn = Later(on, Dice.Between(20, 100));
        if (!_world.Happened(resumedOn)) return false;
        if (resumedOn >= exitOn)
        {
            Exit(resumedOn, interrupted: true);
            return false;
        }
        Add(resumedOn, at => new PathwayResumed(_id, resumedOn, _referent.Id, at));
        day = resumedOn;
        return true;
    }

    private void Exit(DateOnly on, bool interrupted)
    {
        var age = AgeOn(on);
        var outcome = interrupted ? Dice.Pick(["ABANDON", "ABANDON", "DEMENAGEMENT"]) : Dice.Pick(_programme.Outcomes, age);
        if (_pendingOrientation is not null) DecideOrientation(on, accept: outcome == "ORIENTE");
        if (outcome == "ORIENTE" && !_orientationAccepted)
        {
            ProposeOrientation(on);
            DecideOrientation(on, accept: true);
        }
        // Only an active pathway's actions can be completed; a suspended one's are cancelled.
        while (_openActions.Count > 0) CloseAction(on, completed: !interrupted && Dice.Chance(0.4));
        Add(on, at => new PathwayExited(_id, on, outcome, Note(0.5, DemoCatalogue.ExitNotes), _referent.Id, at));
        ExitedOn = on;
    }

    /// <summary>
    /// Most people (or, for a minor, their parents) agree at identification that the admission
    /// committee or the PRE team may examine their situation by name; the others are examined
    /// anonymised.
    /// </summary>
    private void ConsentToCommittee(DateOnly on)
    {
        if (PathwayAccess.IsSealed(_programme.Code) || !Dice.Chance(0.75)) return;
        var minor = AgeOn(on) < 18;
        Add(on, at => new ConsentRecorded(_id, Dice.Id(at), ConsentPurpose.CommitteeExamination, [],
            minor ? ConsentGiver.ParentalAuthority : ConsentGiver.Person, Dice.Chance(0.7) ? ConsentMode.Written : ConsentMode.Oral, on, null,
            minor ? Seal(Dice.Pick(DemoCatalogue.MinorViews)) : null, _programme.Registrar.Id, at));
    }

    /// <summary>
    /// Most cases referred by the collège, France Travail or the PJJ (and some older PRE children)
    /// are shared with that partner at the start: parents informed for a minor, a consent covering
    /// the partner (the parents', with the minor's view, or the person's own), then the team.
    /// </summary>
    private void Share(DateOnly on)
    {
        if (PathwayAccess.IsSealed(_programme.Code)) return;
        Guid[] partners = [Structures.CollegeLesDunes, Structures.FranceTravail, Structures.Pjj];
        var partner = _referring is { } referring && partners.Contains(referring) ? referring
            : _programme.Code == "PRE" && AgeOn(on) >= 11 && Dice.Chance(0.3) ? Structures.CollegeLesDunes
            : (Guid?)null;
        if (partner is not { } structure || !Dice.Chance(0.7)) return;

        var minor = AgeOn(on) < 18;
        if (minor) Add(on, at => new ParentsInformed(_id, on, Dice.Chance(0.6) ? ConsentMode.Oral : ConsentMode.Written, null, _referent.Id, at));
        Add(on, at =>
        {
            _teamConsent = Dice.Id(at);
            return new ConsentRecorded(_id, _teamConsent.Value, ConsentPurpose.TeamSharing, [structure],
                minor ? ConsentGiver.ParentalAuthority : ConsentGiver.Person, Dice.Chance(0.7) ? ConsentMode.Written : ConsentMode.Oral, on, null,
                minor ? Seal(Dice.Pick(DemoCatalogue.MinorViews)) : null, _referent.Id, at);
        });
        Add(on, at => new TeamMemberAdded(_id, structure, ConsentPurpose.TeamSharing, on, _referent.Id, at));
    }

    private void WithdrawConsent(DateOnly on)
    {
        var consent = _teamConsent!.Value;
        _teamConsent = null;
        Add(on, at => new ConsentWithdrawn(_id, consent, on, null, _referent.Id, at));
    }

    private void PlanAction(DateOnly on)
    {
        var category = Dice.Pick(_categories);
        var kind = Dice.Pick(DemoCatalogue.ActionKinds[$"{_programme.Code}:{category}"]);
        DateOnly? dueOn = Dice.Chance(0.6) ? Later(on, Dice.Between(30, 120)) : null;
        Add(on, at =>
        {
            var action = Dice.Id(at);
            _openActions.Add(action);
            return new ActionPlanned(_id, action, category, kind, on, dueOn, null, _referent.Id, at);
        });
    }

    private void CloseAction(DateOnly on, bool completed)
    {
        var action = Dice.Pick(_openActions);
        _openActions.Remove(action);
        Add(on, at => completed
            ? new ActionCompleted(_id, action, on, Note(0.4, DemoCatalogue.ActionNotes), _referent.Id, at)
            : new ActionCancelled(_id, action, on, _referent.Id, at));
    }

    private void ProposeOrientation(DateOnly on)
    {
        var destinations = IsGpdsPupil && Dice.Chance(0.8)
            ? DemoProgramme.GpdsDestinations.Where(d => d.Code != _programme.Code).ToArray()
            : _programme.Destinations;
        var destination = Dice.Pick(destinations, AgeOn(on));
        _orientations++;
        Add(on, at =>
        {
            var orientation = Dice.Id(at);
            _pendingOrientation = (orientation, destination, on);
            return new OrientationProposed(_id, orientation, destination, on, Note(0.5, DemoCatalogue.OrientationNotes), _referent.Id, at);
        });
    }

    private void DecideOrientation(DateOnly on, bool accept)
    {
        var orientation = _pendingOrientation!.Value.Id;
        _pendingOrientation = null;
        _orientationAccepted |= accept;
        var reason = Dice.Pick(["HORS-CRITERES", "COMPLET", "REFUS-PERSONNE", "REFUS-PERSONNE", "INJOIGNABLE", "AUTRE"]);
        Add(on, at => accept
            ? new OrientationAccepted(_id, orientation, on, _referent.Id, at)
            : new OrientationRefused(_id, orientation, on, reason, null, _referent.Id, at));
    }

    /// <summary>Appends an event at a working hour of its day, after the stream's previous event.</summary>
    private void Add(DateOnly on, Func<DateTimeOffset, object> build)
    {
        var at = _world.Moment(on, Dice.WorkingTime());
        if (at <= _last) at = _last.AddMinutes(Dice.Between(2, 30));
        if (at > _world.Now) at = _world.Now;
        _last = at;
        _events.Add(new DemoEvent(build(at), at));
    }

    private bool IsGpdsPupil => _source == "GPDS";

    private EncryptedText Seal(string text) => _world.Seal(_subject.Id, string.Format(System.Globalization.CultureInfo.InvariantCulture, text, _subject.FirstName));

    private EncryptedText? Note(double probability, IReadOnlyList<string> texts) => Dice.Chance(probability) ? Seal(Dice.Pick(texts)) : null;

    /// <summary>Workers act on working days: a weekend day moves to the next Monday.</summary>
    private static DateOnly Later(DateOnly day, int days) => DemoWorld.Weekday(day.AddDays(days));

    private int AgeOn(DateOnly day) => Clock.AgeOn(_subject.BirthDate, day);

    private static Guid? ReferringStructure(string source, int age) => source switch
    {
        "ECOLE" when age >= 11 => Structures.CollegeLesDunes,
        "GPDS" => Structures.CollegeLesDunes,
        "SPIRALE" => Structures.LaSpirale,
        "FT" => Structures.FranceTravail,
        "PJJ" => Structures.Pjj,
        "CCAS" => Structures.Ccas,
        "MDS" => Structures.Mds,
        "CS-FORT" => Structures.EspaceFort,
        "FABRIQUE" => Structures.FabriqueDefi,
        _ => null,
    };
}
