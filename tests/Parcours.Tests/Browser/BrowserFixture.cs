using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Parcours.Tests.Support;

namespace Parcours.Tests.Browser;

/// <summary>
/// The real application on Kestrel (loopback, free port, its own database) and one headless
/// Chromium for the whole run; each test opens its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private ParcoursOnKestrel? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        // Program ends with RunJasperFxCommands: let it start the host instead of parsing the test settings as commands.
        JasperFxEnvironment.AutoStartHost = true;
        _app = new ParcoursOnKestrel(TestCluster.ConnectionString("parcours_browser"));
        _app.UseKestrel(0);
        // Creating a client starts the host; its base address carries the port Kestrel picked.
        using (var client = _app.CreateClient()) BaseUrl = client.BaseAddress!.ToString().TrimEnd('/');
        await WarmUpAsync();
        (_playwright, Browser) = await LaunchChromiumAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>
    /// The first sign-in compiles pages and handlers and fetches the provider's metadata: done
    /// once here, over real HTTP, so that no test pays it within its timeouts.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.GetAsync("/connexion");
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchChromiumAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath} (Debian package 'chromium': apt-get install chromium). " +
                "Playwright's own browser download is not used on this machine.");
        }
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch (Exception e)
        {
            playwright?.Dispose();
            throw new InvalidOperationException(
                $"Chromium could not be started from {ChromiumPath} by Playwright: {e.Message.Split('\n')[0]} " +
                "Check that `chromium --headless --no-sandbox --dump-dom about:blank` works on this machine.", e);
        }
    }

    /// <summary>Program on Kestrel, configured like the API tests' host (daemon in Solo mode, no demo data).</summary>
    private sealed class ParcoursOnKestrel(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Parcours", connectionString);
            builder.UseSetting("Parcours:DaemonMode", "Solo");
            builder.UseSetting("Parcours:SeedDemo", "false");
            // Tests run the retention sweep by hand, on their own clock.
            builder.UseSetting("Parcours:Retention:Schedule", "false");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
