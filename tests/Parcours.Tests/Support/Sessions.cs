using Marten;
using Parcours.Committees;
using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Tests.Support;

/// <summary>
/// Sittings for the session and orientation tests, appended as the committee's own events
/// (scheduled, members invited, pathways on the agenda, charter, session opened).
/// </summary>
public static class Sessions
{
    public sealed record Sitting(Guid CommitteeId, IReadOnlyList<Guid> ItemIds)
    {
        public Guid ItemId => ItemIds[0];

        public string DecisionUrl(Guid? itemId = null) => $"/api/committees/{CommitteeId}/items/{itemId ?? ItemId}/decision";
    }

    /// <summary>A mutualised admission committee convened by SAS Coluche and La Fabrique Défi, its session opened by the SAS coordinator.</summary>
    public static Task<Sitting> AdmissionInSession(this IDocumentStore store, params Guid[] pathways) =>
        store.SittingAsync(CommitteeKind.MutualisedAdmission, [Structures.SasColuche, Structures.FabriqueDefi], Staff.SasCoordinator, pathways, open: true);

    /// <summary>A PRE team of Beau Marais, its session opened by the PRE coordinator.</summary>
    public static Task<Sitting> PreTeamInSession(this IDocumentStore store, params Guid[] pathways) =>
        store.SittingAsync(CommitteeKind.PreTeam, [Structures.PreCalais], Staff.PreCoordinator, pathways, open: true);

    public static async Task<Sitting> SittingAsync(this IDocumentStore store, CommitteeKind kind, Guid[] owners, Habilitation chair, Guid[] pathways, bool open,
        DateOnly? on = null)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var events = new List<object>
        {
            new CommitteeScheduled(id, kind, kind == CommitteeKind.PreTeam ? "BM" : null, on ?? Scenarios.Today, new TimeOnly(14, 0), "Salle du conseil, mairie de Calais",
                owners, chair.Id, now),
            new CommitteeMembersInvited(id, [Structures.CollegeLesDunes, Structures.FranceTravail, Structures.LaSpirale], [], chair.Id, now),
        };
        var items = pathways.Select(_ => Guid.CreateVersion7()).ToList();
        events.AddRange(pathways.Select((p, i) => new AgendaItemAdded(id, items[i], p, AgendaReason.AwaitingOrientation, chair.Id, now)));
        if (open)
        {
            events.Add(new CharterAcknowledged(id, chair.Id, chair.StructureId, CommitteeAccess.CharterVersion, now));
            events.Add(new SessionOpened(id, chair.Id, now));
        }
        await using var session = store.LightweightSession();
        session.Events.StartStream<Committee>(id, events);
        await session.SaveChangesAsync();
        return new Sitting(id, items);
    }

    public static async Task OpenAsync(this IDocumentStore store, Guid committeeId, Habilitation chair)
    {
        await using var session = store.LightweightSession();
        // Through FetchForWriting, as the commands do, so the inline view carries the stream's version.
        var stream = await session.Events.FetchForWriting<Committee>(committeeId);
        stream.AppendOne(new SessionOpened(committeeId, chair.Id, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }
}
