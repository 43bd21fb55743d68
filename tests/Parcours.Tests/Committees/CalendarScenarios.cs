using Alba;
using Parcours.Committees;
using Parcours.Committees.Listing;
using Parcours.Identity;
using Parcours.Tests.Support;

namespace Parcours.Tests.Committees;

/// <summary>Sittings built through the public API, as a coordinator would.</summary>
public static class CalendarScenarios
{
    /// <summary>Schedules one sitting (a mutualised committee in a week by default) and returns its id; it is at version 1.</summary>
    public static async Task<Guid> SittingScheduled(this IAlbaHost host, CommitteeKind kind = CommitteeKind.MutualisedAdmission, Habilitation? by = null,
        int inDays = 7, string? territory = null)
    {
        var (_, id) = await host.Created("/api/committees",
            new { kind = kind.ToString(), territoryCode = territory, sittingOn = Scenarios.Today.AddDays(inDays), startsAt = "14:00:00", place = "Salle des commissions" },
            by ?? Staff.SasCoordinator);
        return id;
    }

    public static async Task<CommitteeOverview> Overview(this IAlbaHost host, Guid id, Habilitation by)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by);
            s.Get.Url($"/api/committees/{id}");
            s.StatusCodeShouldBe(200);
        });
        return await result.Read<CommitteeOverview>();
    }

    public static async Task<IReadOnlyList<CommitteeRow>> Calendar(this IAlbaHost host, Habilitation by, string query = "")
    {
        var result = await host.Scenario(s =>
        {
            s.As(by);
            s.Get.Url($"/api/committees{query}");
            s.StatusCodeShouldBe(200);
        });
        return await result.Read<List<CommitteeRow>>();
    }

    public static Task NotFound(this IAlbaHost host, Guid id, Habilitation by) => host.Scenario(s =>
    {
        s.As(by);
        s.Get.Url($"/api/committees/{id}");
        s.StatusCodeShouldBe(404);
    });
}
