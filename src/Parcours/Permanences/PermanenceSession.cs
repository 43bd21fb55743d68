using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Permanences;

/// <summary>How many people of one sex and age band a permanence session received. A count, never a person.</summary>
public sealed record PeopleReceived(Sex Sex, string AgeBand, int People);

/// <summary>
/// A permanence session of the Maison des Femmes was held: where, of which kind, and how many
/// people it received by sex and age band. Reception is anonymous, so the event holds counts only.
/// </summary>
public sealed record PermanenceSessionRecorded(
    Guid SessionId,
    Guid StructureId,
    DateOnly HeldOn,
    string Kind,
    string TerritoryCode,
    IReadOnlyList<PeopleReceived> Received,
    Guid RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// Permanences are the Maison des Femmes' own data: its workers record and read them; for anyone
/// else they do not exist (404), like every Maison des Femmes case.
/// </summary>
public static class PermanenceAccess
{
    public static readonly Guid Structure = Structures.MaisonDesFemmes;

    public static bool MayRecord(CurrentWorker worker) => worker.StructureId == Structure && worker.FollowsCases;

    /// <summary>The most people one line of a session may count: beyond, it is a typing error.</summary>
    public const int MaxPeoplePerLine = 500;
}
