using JasperFx.Events;
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

    public override async ValueTask<IndicatorFact?> EvolveAsync(IndicatorFact? snapshot, string id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is PathwayReferred referred) return await Opened(id, referred, session, cancellation);
        if (snapshot is null) return null;
        Change(snapshot, e.Data);
        return snapshot;
    }

    private async Task<IndicatorFact> Opened(string id, PathwayReferred e, IQuerySession session, CancellationToken cancellation)
    {
        var territory = await session.LoadAsync<Territory>(e.TerritoryCode, cancellation);
        var referrer = e.ReferringStructureId is { } structureId ? await session.LoadAsync<Structure>(structureId, cancellation) : null;
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
