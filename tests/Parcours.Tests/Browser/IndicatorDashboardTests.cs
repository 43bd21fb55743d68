using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Indicateurs;

namespace Parcours.Tests.Browser;

/// <summary>The statistics coordinator's dashboard, end to end: sign-in, selectors, tables and charts, accessibility.</summary>
public sealed class IndicatorDashboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task helene_lands_on_the_dashboard_picks_2026_and_beau_marais_and_reads_accessible_tables_but_no_file()
    {
        var pathway = await ReferredAsync(Staff.PreReferent, Person("Inès", "Caron", 9, Sex.F), territory: "BM-MANET-FERBER", on: new DateOnly(2026, 3, 2));
        await ReferredAsync(Staff.PreReferent, Person("Hugo", "Caron", 12), territory: "BM-MANET-FERBER", on: new DateOnly(2026, 3, 2));

        await SignInAs(Staff.StatisticsCoordinator);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/indicateurs$"));
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Indicateurs" }))
            .ToHaveAttributeAsync("aria-current", "page");

        await Page.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync("2026");
        await Page.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync("BM");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/indicateurs\\?annee=2026&quartier=BM$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Beau Marais, année 2026", Level = 2 })).ToBeVisibleAsync();
        var referrals = Page.Locator("section[data-indicator='SAISINES-PRE']");
        await Expect(referrals.GetByRole(AriaRole.Heading, new() { Name = "Nombre de saisines du PRE", Level = 2 })).ToBeVisibleAsync();
        await Expect(referrals.GetByRole(AriaRole.Table, new() { Name = "Nombre de saisines du PRE – par sexe – Beau Marais, 2026" })).ToBeVisibleAsync();
        await Expect(referrals.GetByRole(AriaRole.Table, new() { Name = "Nombre de saisines du PRE – par tranche d'âge – Beau Marais, 2026" })).ToBeVisibleAsync();
        await Expect(referrals.GetByRole(AriaRole.Table, new() { Name = "Nombre de saisines du PRE – par année – Beau Marais" })
            .GetByRole(AriaRole.Row, new() { Name = "2026" })).ToContainTextAsync("secret (effectif inférieur à 11)");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Tableur CSV" })).ToHaveAttributeAsync("href", "/api/indicators/export.csv?annee=2026&quartier=BM");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Rapport imprimable" })).ToHaveAttributeAsync("href", "/indicateurs/rapport?annee=2026&quartier=BM");

        var environment = Fixture.Services.GetRequiredService<IWebHostEnvironment>();
        if (environment.WebRootFileProvider.GetFileInfo(IndexModel.ChartScript).Exists)
        {
            var canvas = referrals.GetByRole(AriaRole.Img, new() { Name = "Graphique en courbe : Nombre de saisines du PRE – par année – Beau Marais. Les valeurs figurent dans le tableau qui suit." });
            await Expect(canvas).ToBeVisibleAsync();
            await Page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('graphique-saisines-pre-annees') !== undefined");
            // The secret 2026 figure is a gap in the chart, not a zero.
            Assert.True(await Page.EvaluateAsync<bool>("() => Chart.getChart('graphique-saisines-pre-annees').data.datasets[0].data.at(-1) === null"));
            // Nor does a count axis label a number between 1 and 10.
            var ticks = await Page.EvaluateAsync<string[]>("() => Chart.getChart('graphique-saisines-pre-sexe').scales.y.ticks.map(t => String(t.label))");
            Assert.Contains("0", ticks);
            Assert.All(ticks, t => Assert.False(int.TryParse(t, out var n) && n is >= 1 and <= 10, string.Join(", ", ticks)));
        }
        else
        {
            await Expect(Page.GetByText(IndicateursText.ChartsMissing)).ToBeVisibleAsync();
            await Expect(Page.Locator("canvas")).ToHaveCountAsync(0);
        }
        await ExpectAccessibleAsync();
        await ScreenshotAsync("indicateurs-beau-marais-2026");

        Assert.Equal(404, await VisitAsync($"/dossiers/{pathway}"));
        await Expect(Page.GetByText("Inès")).ToHaveCountAsync(0);
        var api = await Page.APIRequest.GetAsync($"/api/pathways/{pathway}");
        Assert.Equal(404, api.Status);
        Assert.DoesNotContain("Caron", await api.TextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_referent_gets_the_french_403_page_and_no_indicators_link()
    {
        await SignInAs(Staff.PreReferent);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Indicateurs", Exact = true })).ToHaveCountAsync(0);

        Assert.Equal(403, await VisitAsync("/indicateurs"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
    }
}
