using Marten.Events.Aggregation;

namespace Parcours.Permanences.Listing;

/// <summary>A permanence session as the Maison des Femmes lists it (inline, so a recorded session shows at once).</summary>
public sealed class PermanenceSessionView
{
    public Guid Id { get; set; }
    public Guid StructureId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Kind { get; set; } = "";
    public string TerritoryCode { get; set; } = "";
    public List<PeopleReceived> Received { get; set; } = [];
    public int Total { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed partial class PermanenceSessionViewProjection : SingleStreamProjection<PermanenceSessionView, Guid>
{
    public static PermanenceSessionView Create(PermanenceSessionRecorded e) => new()
    {
        Id = e.SessionId,
        StructureId = e.StructureId,
        HeldOn = e.HeldOn,
        Kind = e.Kind,
        TerritoryCode = e.TerritoryCode,
        Received = [.. e.Received],
        Total = e.Received.Sum(r => r.People),
        RecordedBy = e.RecordedBy,
        RecordedAt = e.RecordedAt,
    };
}
