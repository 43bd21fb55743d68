using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Tests.Browser;

/// <summary>The contract indicator report as a statistics coordinator opens and prints it (with axe).</summary>
public sealed class IndicatorReportTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_statistics_coordinator_exports_the_csv_and_opens_the_report_for_beau_marais_from_the_dashboard_and_prints_it()
    {
        await ReferredAsync(Staff.PreReferent, Person("Inès", "Rapport", 9, Sex.F));
        await Fixture.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var year = Today.Year;

        await SignInAs(Staff.StatisticsCoordinator);
        Assert.Equal(200, await VisitAsync($"/indicateurs?annee={year}&quartier=BM"));
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Tableur CSV" }).ClickAsync());
        Assert.Equal($"indicateurs-{year}-beau-marais.csv", download.SuggestedFilename);
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Rapport imprimable" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/indicateurs/rapport\\?annee={year}&quartier=BM$"));
        await ExpectAccessibleAsync();
        await Expect(Page).ToHaveTitleAsync($"Indicateurs du contrat de ville – Beau Marais – {year}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Indicateurs du contrat de ville – Beau Marais – {year}");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = $"Les indicateurs – Beau Marais, {year} comparé à 2023" });
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Référence 2023" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Nombre de saisines du PRE" })).ToBeVisibleAsync();
        // A girl was just referred: the year's count is 0 or at least 11, or a secret — never 1 to 10.
        var referrals = table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = "Nombre de saisines du PRE", Exact = true }) });
        var count = (await referrals.GetByRole(AriaRole.Cell).Nth(2).TextContentAsync())!.Trim();
        Assert.True(count.StartsWith("secret", StringComparison.Ordinal) || int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) is 0 or >= 11, count);
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = $"Répartition par sexe – {year} – Beau Marais" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Secret statistique", Level = 2 })).ToBeVisibleAsync();
        await ScreenshotAsync("indicateurs-rapport");

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.GetByText("Pour imprimer ou enregistrer en PDF")).ToBeHiddenAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        Assert.Equal(404, await VisitAsync($"/indicateurs/rapport?annee={year}&quartier=NULLE-PART"));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Aucun quartier ne porte le code « NULLE-PART ».");
    }

    [Fact]
    public async Task a_referent_is_told_the_report_is_not_for_them()
    {
        await SignInAs(Staff.PreReferent);
        Assert.Equal(403, await VisitAsync("/indicateurs/rapport"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rapport des indicateurs", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("réservés aux chargés d'évaluation");
    }
}
