using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.ListingCaseload;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>"Mes suivis": the referent structure's pathways, filtered and paged.</summary>
public sealed class CaseloadTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<CaseloadPage> Caseload(string query = "", Habilitation? by = null) =>
        await (await Host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Get.Url("/api/pathways" + query);
        })).Read<CaseloadPage>();

    private Task<Guid> ReferredIn(string territory, string lastName = "Dupont", int daysAgo = 10) =>
        Host.Referred(PreReferral(Child() with { LastName = lastName }, Today.AddDays(-daysAgo)) with { TerritoryCode = territory });

    [Fact]
    public async Task a_priority_neighbourhood_filter_also_matches_its_sub_sectors()
    {
        var greuze = await ReferredIn("BM-GREUZE-VADEZ");
        var gagarine = await ReferredIn("BM-GAGARINE");
        var beauMarais = await ReferredIn("BM");
        var tunis = await ReferredIn("FNCSP-TUNIS");
        var mollien = await ReferredIn("SV-MOLLIEN");

        Assert.Equal(new[] { beauMarais, gagarine, greuze }.Order(), (await Caseload("?territory=BM")).Rows.Select(r => r.PathwayId).Order());
        Assert.Equal([gagarine], (await Caseload("?territory=BM-GAGARINE")).Rows.Select(r => r.PathwayId));
        Assert.Equal([tunis], (await Caseload("?territory=FNCSP")).Rows.Select(r => r.PathwayId));
        Assert.Equal([mollien], (await Caseload("?territory=SV-MOLLIEN")).Rows.Select(r => r.PathwayId));
        Assert.Empty((await Caseload("?territory=HORS-QPV")).Rows);
        Assert.Equal(5, (await Caseload()).Total);
    }

    [Fact]
    public async Task the_status_filter_keeps_the_pathways_in_that_status()
    {
        var active = await Host.ActivePathway();
        var referred = await Host.Referred(PreReferral());

        Assert.Equal([active], (await Caseload("?status=Active")).Rows.Select(r => r.PathwayId));
        Assert.Equal([referred], (await Caseload("?status=Referred")).Rows.Select(r => r.PathwayId));
        Assert.Empty((await Caseload("?status=Exited")).Rows);
    }

    [Fact]
    public async Task the_programme_filter_keeps_the_pathways_of_that_programme()
    {
        var pre = await Host.Referred(PreReferral());
        await Host.Referred(MdfReferral(), Staff.MdfWorker);

        Assert.Equal([pre], (await Caseload("?programme=PRE")).Rows.Select(r => r.PathwayId));
        Assert.Empty((await Caseload("?programme=MDF")).Rows);
        Assert.Equal(1, (await Caseload("?programme=MDF", Staff.MdfWorker)).Total);
    }

    [Fact]
    public async Task filters_combine()
    {
        var activeInGreuze = await Host.ActivePathway();
        await ReferredIn("BM-GREUZE-VADEZ");
        await Host.ActivePathway(PreReferral() with { TerritoryCode = "FNCSP-TUNIS" });

        Assert.Equal([activeInGreuze], (await Caseload("?programme=PRE&territory=BM&status=Active")).Rows.Select(r => r.PathwayId));
    }

    [Fact]
    public async Task rows_show_the_decrypted_name_and_the_most_recent_pathways_first()
    {
        var older = await ReferredIn("BM", "Martin", daysAgo: 20);
        var newer = await ReferredIn("BM", "Bernard", daysAgo: 5);

        var page = await Caseload();

        Assert.Equal([newer, older], page.Rows.Select(r => r.PathwayId));
        Assert.Equal(["Léo BERNARD", "Léo MARTIN"], page.Rows.Select(r => r.DisplayName));
        Assert.All(page.Rows, r => Assert.Equal(("6-10", Sex.M, PathwayStatus.Referred), (r.AgeBand, r.Sex, r.Status)));
    }

    [Fact]
    public async Task the_caseload_is_paged_by_fifty()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < CaseloadFilter.PageSize + 1; i++) ids.Add(await Host.Referred(PreReferral(on: Today.AddDays(-1 - i))));

        var first = await Caseload();
        var second = await Caseload("?page=2");
        var beyond = await Caseload("?page=3");

        Assert.Equal((1, 2, 51, 50), (first.Page, first.PageCount, first.Total, first.Rows.Count));
        Assert.Equal((2, 2, 51, 1), (second.Page, second.PageCount, second.Total, second.Rows.Count));
        Assert.Equal(ids[^1], second.Rows[0].PathwayId);
        Assert.Equal(ids, first.Rows.Concat(second.Rows).Select(r => r.PathwayId));
        Assert.Empty(beyond.Rows);
        Assert.Equal(1, (await Caseload("?page=0")).Page);
    }

    [Fact]
    public async Task an_empty_caseload_has_one_empty_page()
    {
        var page = await Caseload();

        Assert.Equal((1, 1, 0), (page.Page, page.PageCount, page.Total));
        Assert.Empty(page.Rows);
    }

    [Theory]
    [InlineData("?status=Actif")]
    [InlineData("?page=deux")]
    public async Task a_filter_value_that_means_nothing_is_a_400_not_a_filter_silently_dropped(string query)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url("/api/pathways" + query);
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.Read<Problem>();
        Assert.Equal(query[1..query.IndexOf('=')], Assert.Single(problem.Errors!).Key);
        Assert.Equal("Requête invalide", problem.Title);
    }
}
