using Alba;
using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Indicators;

/// <summary>
/// A history large enough for figures both above and below the threshold: two pathways through the
/// public API, and many more appended as the pathway's own events (as the demo loader does).
/// In the current year, Beau Marais has 24 + 2 PRE referrals (20 girls, 6 boys: the boys' cell is
/// small), Fort Nieulay 3 (small), elsewhere 15; 12 orientations to SAS Coluche were answered
/// (8 accepted: 66,7 %). In the baseline year, Beau Marais had 15 PRE referrals.
/// </summary>
public static class ExportHistory
{
    public const string BeauMarais = "BM";
    public const string BeauMaraisSubSector = "BM-GREUZE-VADEZ";
    public const string FortNieulaySubSector = "FNCSP-CAILLOUX";
    public const string Elsewhere = "HORS-QPV";
    public const int BaselineYear = 2023;

    public static int Year => Scenarios.Today.Year;

    public static async Task BuildAsync(IAlbaHost host, IDocumentStore store)
    {
        await host.ActivePathway();
        await host.ActivePathway();

        var year = Year;
        var pathways = new List<Planned>();
        pathways.AddRange(Enumerable.Range(0, 20).Select(i => new Planned(BeauMaraisSubSector, Sex.F, i < 12 ? "6-10" : "11-15", new DateOnly(year, 1, 10 + i), Orientation: i < 12 ? i < 8 : null)));
        pathways.AddRange(Enumerable.Range(0, 4).Select(i => new Planned(BeauMaraisSubSector, Sex.M, "11-15", new DateOnly(year, 2, 1 + i))));
        pathways.AddRange(Enumerable.Range(0, 3).Select(i => new Planned(FortNieulaySubSector, Sex.F, "6-10", new DateOnly(year, 3, 1 + i))));
        pathways.AddRange(Enumerable.Range(0, 15).Select(i => new Planned(Elsewhere, i % 2 == 0 ? Sex.F : Sex.M, "6-10", new DateOnly(year, 4, 1 + i))));
        pathways.AddRange(Enumerable.Range(0, 15).Select(i => new Planned(BeauMaraisSubSector, i < 8 ? Sex.F : Sex.M, "6-10", new DateOnly(BaselineYear, 5, 1 + i))));

        await using var session = store.LightweightSession();
        foreach (var planned in pathways) Append(session, planned);
        await session.SaveChangesAsync();
    }

    /// <summary>A PRE pathway; <see cref="Orientation"/> true/false: oriented to SAS Coluche then accepted/refused.</summary>
    private sealed record Planned(string Territory, Sex Sex, string AgeBand, DateOnly ReferredOn, bool? Orientation = null);

    private static void Append(IDocumentSession session, Planned p)
    {
        var now = DateTimeOffset.UtcNow;
        var person = Guid.CreateVersion7();
        var pathway = Guid.CreateVersion7();
        var by = Staff.PreReferent.Id;
        session.Events.StartStream<Person>(person, new PersonIdentified(person, p.Sex, Structures.PreCalais, by, now));
        var events = new List<object>
        {
            new PathwayReferred(pathway, person, "PRE", null, p.ReferredOn, "ECOLE", Structures.CollegeLesDunes, p.Territory, Structures.PreCalais,
                p.Sex, p.AgeBand, null, by, now),
            new ReferralAccepted(pathway, p.ReferredOn.AddDays(1), by, now),
            new AccompanimentStarted(pathway, p.ReferredOn.AddDays(2), by, by, now),
        };
        if (p.Orientation is { } accepted)
        {
            var orientation = Guid.CreateVersion7();
            var proposed = p.ReferredOn.AddDays(3);
            events.Add(new OrientationProposed(pathway, orientation, "SAS", proposed, null, by, now));
            events.Add(accepted
                ? new OrientationAccepted(pathway, orientation, proposed.AddDays(5), by, now)
                : new OrientationRefused(pathway, orientation, proposed.AddDays(5), "AUTRE", null, by, now));
        }
        session.Events.StartStream<Pathway>(pathway, events.ToArray());
    }
}
