using JasperFx.Events;
using JasperFx.Events.Grouping;
using Marten;
using Marten.Events.Projections;
using Parcours.Pathways;
using Parcours.Reference;

namespace Parcours.Indicators.Facts;

/// <summary>
/// Turns each pathway stream into one <see cref="IndicatorFact"/>, asynchronously. Only
/// categories and the dates typed by workers are copied (never the clock, never free text);
/// reference data is looked up for the territory's kind and the referring structure's kind.
/// </summary>
public sealed partial class IndicatorFactProjection : MultiStreamProjection<IndicatorFact, string>
{
    private readonly Pseudonyms _pseudonyms;

    /// <summary>The events that change a fact (each has an identity below): what an as-of replay reads.</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(PathwayReferred), typeof(ReferralAccepted), typeof(ReferralDeclined), typeof(AccompanimentStarted),
        typeof(OrientationProposed), typeof(OrientationAccepted), typeof(OrientationRefused), typeof(OrientationExpired),
        typeof(CommitteeDecisionRecorded), typeof(PathwayExited), typeof(PathwayReopened), typeof(People.Merging.PathwayPersonChanged),
    ];

    public IndicatorFactProjection(Pseudonyms pseudonyms)
    {
        _pseudonyms = pseudonyms;
        Identity<IEvent<PathwayReferred>>(FactId);
        Identity<IEvent<ReferralAccepted>>(FactId);
        Identity<IEvent<ReferralDeclined>>(FactId);
        Identity<IEvent<AccompanimentStarted>>(FactId);
        Identity<IEvent<OrientationProposed>>(FactId);
        Identity<IEvent<OrientationAccepted>>(FactId);
        Identity<IEvent<OrientationRefused>>(FactId);
        Identity<IEvent<OrientationExpired>>(FactId);
        Identity<IEvent<CommitteeDecisionRecorded>>(FactId);
        Identity<IEvent<PathwayExited>>(FactId);
        Identity<IEvent<PathwayReopened>>(FactId);
        Identity<IEvent<People.Merging.PathwayPersonChanged>>(FactId);
    }

    /// <summary>The fact a pathway event belongs to.</summary>
    public string FactId(IEvent e) => _pseudonyms.Pathway(e.StreamId);

    /// <summary>A referral with the reference data its fact copies, looked up for a whole page of events at once.</summary>
    private sealed record ReferredWithReferences(PathwayReferred Referred, Territory? Territory, Structure? Referrer);

    /// <summary>
    /// Looks up the territories and referring structures of every referral in the daemon's page in
    /// two queries, instead of one or two per referral (a rebuild of a national store otherwise
    /// spends most of its time in these round trips).
    /// </summary>
    public override async Task EnrichEventsAsync(SliceGroup<IndicatorFact, string> group, IQuerySession querySession, CancellationToken cancellation)
    {
        var referrals = group.Slices.SelectMany(slice => slice.Events().OfType<IEvent<PathwayReferred>>().Select(e => (Slice: slice, Event: e))).ToList();
        if (referrals.Count == 0) return;
        var codes = referrals.Select(r => r.Event.Data.TerritoryCode).Distinct().ToArray();
        var structureIds = referrals.Select(r => r.Event.Data.ReferringStructureId).OfType<Guid>().Distinct().ToArray();
        var territories = (await querySession.LoadManyAsync<Territory>(cancellation, codes)).ToDictionary(t => t.Id);
        var structures = structureIds.Length == 0 ? [] : (await querySession.LoadManyAsync<Structure>(cancellation, structureIds)).ToDictionary(s => s.Id);
        foreach (var (slice, e) in referrals)
        {
            var referrer = e.Data.ReferringStructureId is { } structureId ? structures.GetValueOrDefault(structureId) : null;
            slice.ReplaceEvent(e, new ReferredWithReferences(e.Data, territories.GetValueOrDefault(e.Data.TerritoryCode), referrer));
        }
    }

    public override async ValueTask<IndicatorFact?> EvolveAsync(IndicatorFact? snapshot, string id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is ReferredWithReferences enriched) return Opened(id, enriched.Referred, enriched.Territory, enriched.Referrer);
        if (e.Data is PathwayReferred referred) return await Opened(id, referred, session, cancellation);
        if (snapshot is null) return null;
        Change(snapshot, e.Data);
        return snapshot;
    }

    private async Task<IndicatorFact> Opened(string id, PathwayReferred e, IQuerySession session, CancellationToken cancellation)
    {
        var territory = await session.LoadAsync<Territory>(e.TerritoryCode, cancellation);
        var referrer = e.ReferringStructureId is { } structureId ? await session.LoadAsync<Structure>(structureId, cancellation) : null;
        return Opened(id, e, territory, referrer);
    }

    private IndicatorFact Opened(string id, PathwayReferred e, Territory? territory, Structure? referrer)
    {
        return new IndicatorFact
        {
            Id = id,
            Person = _pseudonyms.Person(e.PersonId),
            Programme = e.Programme,
            Track = e.Track,
            TerritoryCode = e.TerritoryCode,
            TerritoryKind = territory?.Kind,
            ParentTerritoryCode = territory?.ParentId,
            Sex = e.Sex,
            AgeBand = e.AgeBand,
            ReferralSource = e.ReferralSource,
            ReferringStructureKind = referrer?.Kind,
            ReferredOn = e.ReferredOn,
        };
    }

    private void Change(IndicatorFact fact, object data)
    {
        switch (data)
        {
            case ReferralAccepted e:
                fact.AcceptedOn = e.AcceptedOn;
                break;
            case ReferralDeclined e:
                fact.DeclinedOn = e.DeclinedOn;
                fact.DeclineReason = e.ReasonCode;
                break;
            case AccompanimentStarted e:
                fact.StartedOn ??= e.StartedOn;
                break;
            case OrientationProposed e:
                fact.Orientations.Add(new OrientationFact(_pseudonyms.Orientation(e.OrientationId), e.Destination, e.ProposedOn, OrientationAnswer.Pending, null));
                break;
            case OrientationAccepted e:
                Answer(fact, e.OrientationId, OrientationAnswer.Accepted, e.AcceptedOn);
                break;
            case OrientationRefused e:
                Answer(fact, e.OrientationId, OrientationAnswer.Refused, e.RefusedOn);
                break;
            case OrientationExpired e:
                Answer(fact, e.OrientationId, OrientationAnswer.Expired, e.ExpiredOn);
                break;
            case CommitteeDecisionRecorded e:
                if (fact.FirstCommitteeDecisionOn is not { } first || e.DecidedOn < first) fact.FirstCommitteeDecisionOn = e.DecidedOn;
                break;
            case People.Merging.PathwayPersonChanged e:
                // A merge: the same person is counted once.
                fact.Person = _pseudonyms.Person(e.PersonId);
                break;
            case PathwayExited e:
                fact.ExitedOn = e.ExitedOn;
                fact.ExitOutcome = e.Outcome;
                fact.Exits.Add(new ExitFact(e.ExitedOn, e.Outcome, null));
                break;
            case PathwayReopened e:
                fact.ExitedOn = null;
                fact.ExitOutcome = null;
                if (fact.Exits.Count > 0) fact.Exits[^1] = fact.Exits[^1] with { ReopenedOn = e.ReopenedOn };
                break;
        }
    }

    private void Answer(IndicatorFact fact, Guid orientationId, OrientationAnswer answer, DateOnly on)
    {
        var key = _pseudonyms.Orientation(orientationId);
        var index = fact.Orientations.FindIndex(o => o.Key == key);
        if (index >= 0) fact.Orientations[index] = fact.Orientations[index] with { Answer = answer, AnsweredOn = on };
    }
}
