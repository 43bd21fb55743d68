using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Referring;
using Parcours.People;
using Parcours.Reference;
using Wolverine;

namespace Parcours.Tests.Browser;

/// <summary>
/// Base of browser tests: a fresh browser context per test (French locale, Paris time), helpers
/// to sign in as a demo worker, and an accessibility check (axe-core) of every page visited.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private IBrowserContext _context = null!;

    protected IPage Page { get; private set; } = null!;
    protected BrowserFixture Fixture => fixture;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    /// <summary>Opens a page and checks it; returns the HTTP status.</summary>
    protected async Task<int> VisitAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await ExpectAccessibleAsync();
        return response?.Status ?? 0;
    }

    /// <summary>
    /// Signs in end to end through the development identity provider (OpenID Connect, as in
    /// production), choosing the structure when the person has several, and lands on « Mes suivis ».
    /// </summary>
    protected async Task SignInAs(Habilitation worker)
    {
        await Page.GotoAsync("/connexion");
        await ExpectAccessibleAsync();
        await ChooseAtProviderAsync(Page, worker);
        if (IsInSeveralStructures(worker))
        {
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choisir votre structure", Level = 1 })).ToBeVisibleAsync();
            await ExpectAccessibleAsync();
            await ChooseStructureAsync(Page, worker);
        }
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = HomeHeading(worker), Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    /// <summary>Where a role lands after sign-in: the caseload, or its own home for roles that never see a person.</summary>
    protected static string HomeHeading(Habilitation worker) => CurrentWorker.Of(worker) switch
    {
        { WorksWithPeople: true } => "Mes suivis",
        var w when w.Has(Role.DataProtectionOfficer) => "Journal des accès",
        var w when w.Has(Role.Administrator) => "Habilitations",
        var w when w.Has(Role.StatisticsCoordinator) => Parcours.Pages.Indicateurs.IndicateursText.Title,
        _ => "Parcours",
    };

    /// <summary>The same, on another page (a colleague's browser), without the accessibility checks.</summary>
    protected static async Task SignInAs(IPage page, Habilitation worker)
    {
        await page.GotoAsync("/connexion");
        await ChooseAtProviderAsync(page, worker);
        if (IsInSeveralStructures(worker)) await ChooseStructureAsync(page, worker);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = HomeHeading(worker), Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>On the provider's page: the person's button in their structure's group.</summary>
    protected static async Task ChooseAtProviderAsync(IPage page, Habilitation worker)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/idp/connexion"));
        var structure = Structures.All.Single(s => s.Id == worker.StructureId).Name;
        await page.GetByRole(AriaRole.Region, new() { Name = structure, Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = worker.DisplayName }).ClickAsync();
    }

    private static async Task ChooseStructureAsync(IPage page, Habilitation worker)
    {
        var structure = Structures.All.Single(s => s.Id == worker.StructureId).Name;
        await page.GetByLabel(structure).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
    }

    private static bool IsInSeveralStructures(Habilitation worker) => Staff.All.Count(s => s.Email == worker.Email && s.Active) > 1;

    /// <summary>No serious or critical axe-core violation on the current page.</summary>
    protected async Task ExpectAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0,
            $"Accessibility violations on {Page.Url}:\n" + string.Join("\n", blocking.Select(v =>
                $"- [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>A full-page PNG under the test output folder, to look at the pages.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Refers a new person through the message bus, as the referral page does, and returns the pathway id.</summary>
    protected async Task<Guid> ReferredAsync(Habilitation by, NewPerson person, string programme = "PRE", string territory = "BM-GREUZE-VADEZ",
        string? track = null, DateOnly? on = null)
    {
        using var scope = fixture.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var actor = CurrentWorker.Of(by);
        var outcome = await bus.InvokeAsync<CommandOutcome>(new ReferPerson(Guid.CreateVersion7(), null, person, programme, track,
            on ?? Today.AddDays(-7), "ECOLE", null, territory, by.StructureId, "Repéré par l'équipe éducative.", actor));
        Assert.Null(outcome.Refusal);
        return outcome.Id;
    }

    protected static NewPerson Person(string firstName, string lastName, int age, Sex sex = Sex.M) =>
        new(firstName, lastName, Today.AddYears(-age).AddDays(-40), sex);

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

}
