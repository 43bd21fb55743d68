using Alba;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;
using Parcours.Tests.Support;

namespace Parcours.Tests.Audit;

public sealed class AccessHistoryTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_programme_coordinator_sees_who_opened_the_file_and_who_was_refused()
    {
        var id = await Host.Referred(Scenarios.PreReferral());
        await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url($"/api/pathways/{id}");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.SchoolWorker);
            s.Get.Url($"/api/pathways/{id}");
            s.StatusCodeShouldBe(404);
        });

        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreCoordinator);
            s.Get.Url($"/api/pathways/{id}/access-history");
            s.StatusCodeShouldBe(200);
        });
        var history = (await result.ReadAsJsonAsync<List<CaseAccess>>())!;
        Assert.Contains(history, a => a.Email == Staff.PreReferent.Email && a.Professional == Staff.PreReferent.DisplayName && a.Outcome == AuditOutcome.Allowed);
        Assert.Contains(history, a => a.Email == Staff.SchoolWorker.Email && a.Outcome == AuditOutcome.Refused);
    }

    [Theory]
    [InlineData("Camille Lefebvre")]
    [InlineData("Julie Martin")]
    [InlineData("Marc Vasseur")]
    [InlineData("Hélène Marchand")]
    public async Task anyone_but_the_owning_coordinator_gets_the_404_of_a_missing_file(string who)
    {
        var id = await Host.Referred(Scenarios.PreReferral());
        var worker = Staff.All.Single(s => s.DisplayName == who);
        var hidden = await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url($"/api/pathways/{id}/access-history");
            s.StatusCodeShouldBe(404);
        });
        var missing = await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url($"/api/pathways/{Guid.CreateVersion7()}/access-history");
            s.StatusCodeShouldBe(404);
        });
        Assert.Equal(Problem.Normalised(await missing.ReadAsTextAsync()), Problem.Normalised(await hidden.ReadAsTextAsync()));
    }
}
