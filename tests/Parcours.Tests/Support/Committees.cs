using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Committees;
using Parcours.Committees.Dossiers;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Reference;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Support;

/// <summary>
/// Committee sittings for the agenda tests. Scheduling and the charter are another slice's
/// commands; until they are public, the sitting's first events are appended through the store,
/// exactly as those commands would write them.
/// </summary>
public static class CommitteeScenarios
{
    public static readonly Guid[] AdmissionOwners = [Structures.SasColuche, Structures.FabriqueDefi];

    /// <summary>A sitting of this kind, its owners and invited structures (committee members of them sit on it).</summary>
    public static Task<Guid> ScheduledCommittee(this IAlbaHost host, CommitteeKind kind = CommitteeKind.MutualisedAdmission, DateOnly? sittingOn = null,
        string? territory = null, Guid[]? owners = null, Guid[]? invited = null, Guid[]? people = null) =>
        host.Services.ScheduledCommittee(kind, sittingOn, territory, owners, invited, people);

    public static async Task<Guid> ScheduledCommittee(this IServiceProvider services, CommitteeKind kind = CommitteeKind.MutualisedAdmission, DateOnly? sittingOn = null,
        string? territory = null, Guid[]? owners = null, Guid[]? invited = null, Guid[]? people = null)
    {
        var id = Guid.CreateVersion7();
        var by = owners?.FirstOrDefault() == Structures.PreCalais || kind == CommitteeKind.PreTeam ? Staff.PreCoordinator.Id : Staff.SasCoordinator.Id;
        var now = DateTimeOffset.UtcNow;
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<Committee>(id,
            new CommitteeScheduled(id, kind, territory ?? (kind == CommitteeKind.PreTeam ? "BM" : null), sittingOn ?? Today.AddDays(14), new TimeOnly(14, 0),
                "Salle du conseil, mairie de Calais", owners ?? (kind == CommitteeKind.PreTeam ? [Structures.PreCalais] : AdmissionOwners), by, now),
            new CommitteeMembersInvited(id, invited ?? [Structures.CollegeLesDunes, Structures.FranceTravail, Structures.Pjj, Structures.Ccas, Structures.SasColuche, Structures.FabriqueDefi],
                people ?? [], by, now));
        await session.SaveChangesAsync();
        return id;
    }

    public static Task CharterAcknowledged(this IAlbaHost host, Guid committeeId, Habilitation worker) => host.Services.CharterAcknowledged(committeeId, worker);

    public static async Task CharterAcknowledged(this IServiceProvider services, Guid committeeId, Habilitation worker)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        // Through FetchForWriting, as the commands do: a plain Append in Marten's quick append mode leaves the inline view's version at 0.
        var stream = await session.Events.FetchForWriting<Committee>(committeeId);
        stream.AppendOne(new CharterAcknowledged(committeeId, worker.Id, worker.StructureId, CommitteeAccess.CharterVersion, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>A committee decided about the pathway on that day (what the deciding slice cascades to the pathway).</summary>
    public static async Task CommitteeDecided(this IAlbaHost host, Guid pathwayId, DateOnly on, ItemOutcome outcome = ItemOutcome.Continue)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var stream = await session.Events.FetchForWriting<Pathway>(pathwayId);
        stream.AppendOne(new CommitteeDecisionRecorded(pathwayId, Guid.CreateVersion7(), Guid.CreateVersion7(), CommitteeKind.PreTeam, outcome, null, null,
            on, Staff.PreCoordinator.Id, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    public static Task BuildAgenda(this IAlbaHost host, Guid committeeId, Habilitation? by = null) =>
        host.Done($"/api/committees/{committeeId}/agenda/build", new { }, by ?? Staff.SasCoordinator);

    public static async Task<CommitteeAgenda> Agenda(this IAlbaHost host, Guid committeeId, Habilitation by) =>
        await host.GetJson<CommitteeAgenda>($"/api/committees/{committeeId}/agenda", by);

    /// <summary>The pathways on the agenda, as the convener who may open them sees it (after the charter).</summary>
    public static async Task<IReadOnlyList<(Guid Pathway, AgendaReason Reason)>> Listed(this IAlbaHost host, Guid committeeId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var view = await session.LoadAsync<Parcours.Committees.Reading.CommitteeView>(committeeId);
        return view!.Agenda.Select(i => (i.PathwayId, i.Reason)).ToList();
    }
}
