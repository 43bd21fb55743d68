using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Parcours.Permanences;
using Parcours.Reference;

namespace Parcours.Indicators.Facts;

/// <summary>
/// Turns each permanence session into one <see cref="ReceptionFact"/>, asynchronously like the
/// pathway facts; the territory's kind and parent are looked up in the reference data.
/// </summary>
public sealed partial class ReceptionFactProjection : MultiStreamProjection<ReceptionFact, Guid>
{
    /// <summary>The events this projection reads (for a replay outside the daemon).</summary>
    public static readonly Type[] EventTypes = [typeof(PermanenceSessionRecorded)];

    public ReceptionFactProjection()
    {
        Identity<PermanenceSessionRecorded>(e => e.SessionId);
    }

    /// <summary>The fact an event belongs to: its session.</summary>
    public static Guid SessionOf(IEvent e) => e.Data is PermanenceSessionRecorded recorded ? recorded.SessionId : e.StreamId;

    public override async ValueTask<ReceptionFact?> EvolveAsync(ReceptionFact? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not PermanenceSessionRecorded recorded) return snapshot;
        var territory = await session.LoadAsync<Territory>(recorded.TerritoryCode, cancellation);
        return new ReceptionFact
        {
            Id = id,
            Kind = recorded.Kind,
            HeldOn = recorded.HeldOn,
            TerritoryCode = recorded.TerritoryCode,
            TerritoryKind = territory?.Kind,
            ParentTerritoryCode = territory?.ParentId,
            Received = [.. recorded.Received],
        };
    }
}
