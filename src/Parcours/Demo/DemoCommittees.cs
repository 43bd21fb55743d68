using Marten;
using Parcours.Committees;
using Parcours.Committees.Scheduling;
using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Demo;

/// <summary>
/// The demo territory's calendar: every kind of sitting for the coming twelve months, from the
/// calendar rules and default settings, with the partners each kind usually invites. Same day,
/// same sittings (ids included: those the calendar generation would give them).
/// </summary>
public static class DemoCommittees
{
    public static IReadOnlyList<Guid> InvitedTo(CommitteeKind kind) => kind switch
    {
        CommitteeKind.MutualisedAdmission =>
            [Structures.CollegeLesDunes, Structures.FranceTravail, Structures.Pjj, Structures.Ccas, Structures.LaSpirale, Structures.Mds],
        CommitteeKind.SasAdmission => [Structures.LaSpirale, Structures.Pjj, Structures.Mds],
        CommitteeKind.CiteAdmission => [Structures.FranceTravail, Structures.LaSpirale],
        CommitteeKind.CiteAdults => [Structures.FranceTravail, Structures.Ccas, Structures.Mds],
        CommitteeKind.PreTeam => [Structures.CollegeLesDunes, Structures.Ccas, Structures.EspaceFort, Structures.Mds],
        _ => [],
    };

    /// <summary>The coordinator who scheduled each kind in the demo.</summary>
    public static Habilitation ConvenerOf(CommitteeKind kind) => kind switch
    {
        CommitteeKind.PreTeam => Staff.PreCoordinator,
        CommitteeKind.CiteAdmission or CommitteeKind.CiteAdults => Staff.CiteCoordinator,
        _ => Staff.SasCoordinator,
    };

    /// <summary>Writes the sittings of the coming twelve months; returns how many.</summary>
    public static async Task<int> LoadAsync(IDocumentStore store, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var territories = await session.Query<Territory>().ToListAsync(ct);
        var settings = new CalendarSettings();
        var sittings = new[] { today.Year, today.Year + 1 }
            .SelectMany(year => CommitteeCalendar.Plan(year, CommitteeKinds.All, territories, settings))
            .Where(s => s.SittingOn >= today && s.SittingOn < today.AddYears(1))
            .ToList();

        foreach (var sitting in sittings)
        {
            var id = CommitteeCalendar.SlotId(sitting);
            var convener = ConvenerOf(sitting.Kind).Id;
            session.Events.StartStream<Committee>(id,
                GenerateCalendarHandler.Scheduled(id, sitting, convener, now),
                new CommitteeMembersInvited(id, InvitedTo(sitting.Kind), [], convener, now));
        }
        await session.SaveChangesAsync(ct);
        return sittings.Count;
    }
}
