using Alba;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;
using Parcours.Tests.Support;

namespace Parcours.Tests.Audit;

public sealed class AuditSearchTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_officer_finds_the_entries_of_a_case_and_the_search_itself_is_traced()
    {
        var caseId = Guid.CreateVersion7();
        var trail = Host.Services.GetRequiredService<AuditTrail>();
        await trail.RecordAsync(AuditEntry.By(CurrentWorker.Of(Staff.SchoolWorker), "pathway.read", "suivi", AuditOutcome.Refused, caseId));

        var result = await Host.Scenario(s =>
        {
            s.As(Staff.DataProtectionOfficer);
            s.Get.Url($"/api/audit?caseId={caseId}");
            s.StatusCodeShouldBe(200);
        });
        var page = await result.ReadAsJsonAsync<AuditPage>();
        var read = Assert.Single(page!.Entries, e => e.Action == "pathway.read");
        Assert.Equal((Staff.SchoolWorker.Email, AuditOutcome.Refused), (read.Email, read.Outcome));
        Assert.Equal(64, read.Hash.Length);
        var search = Assert.Single(page.Entries, e => e.Action == "audit.search");
        Assert.Equal((Staff.DataProtectionOfficer.Email, AuditOutcome.Allowed), (search.Email, search.Outcome));
    }

    [Theory]
    [MemberData(nameof(NotTheOfficer))]
    public async Task nobody_but_the_officer_can_read_the_trail_and_the_attempt_is_itself_traced(string who)
    {
        var worker = Staff.All.Single(s => s.Position == who);
        await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url("/api/audit");
            s.StatusCodeShouldBe(404);
        });
        await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url("/journal");
            s.StatusCodeShouldBe(404);
        });

        var result = await Host.Scenario(s =>
        {
            s.As(Staff.DataProtectionOfficer);
            s.Get.Url($"/api/audit?email={Uri.EscapeDataString(worker.Email)}&outcome=Refused");
        });
        var refusals = (await result.ReadAsJsonAsync<AuditPage>())!.Entries;
        Assert.True(refusals.Count(e => e.Action == "audit.search") >= 2);
    }

    public static TheoryData<string> NotTheOfficer() => new(Staff.All.Where(s => !s.Roles.Contains(Role.DataProtectionOfficer)).Select(s => s.Position));

    [Fact]
    public async Task the_officer_sees_the_trail_page()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.DataProtectionOfficer);
            s.Get.Url("/journal");
            s.StatusCodeShouldBe(200);
        });
        Assert.Contains("Journal des accès", await result.ReadAsTextAsync());
    }
}
