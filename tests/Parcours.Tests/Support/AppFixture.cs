using Alba;
using Alba.Security;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity.SigningIn;

namespace Parcours.Tests.Support;

/// <summary>
/// The application on its test database, shared by every API test of the run. The session
/// cookie is stubbed (each scenario says who is signed in); bearer tokens and the development
/// provider are the real ones.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    /// <summary>The server's clock: tests may move it forward (an expiry, a birthday); each test starts on the real day.</summary>
    public TestClock Clock { get; } = new();
    private bool _started;

    public async Task InitializeAsync()
    {
        var connectionString = TestCluster.ConnectionString("parcours_api");
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Parcours", connectionString);
            builder.UseSetting("Parcours:DaemonMode", "Solo");
            builder.UseSetting("Parcours:SeedDemo", "false");
            // Tests run the retention sweep by hand, on their own clock.
            builder.UseSetting("Parcours:Retention:Schedule", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
            // The development provider answers in-process: the handlers fetch its metadata and keys through the test server.
            builder.ConfigureServices(services =>
            {
                services.AddOptions<JwtBearerOptions>(Authentication.ApiClients)
                    .Configure<IServer>((options, server) => options.BackchannelHttpHandler = ((TestServer)server).CreateHandler());
                services.AddOptions<OpenIdConnectOptions>(Authentication.People)
                    .Configure<IServer>((options, server) => options.BackchannelHttpHandler = ((TestServer)server).CreateHandler());
            });
        }, new AuthenticationStub(Authentication.Cookie));
        _started = true;
    }

    public async Task DisposeAsync()
    {
        if (!_started) return;
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}

/// <summary>Base of API tests: a clean store (reference data re-seeded) before each test.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;
    protected IDocumentStore Store => fixture.Host.Services.GetRequiredService<IDocumentStore>();
    protected TestClock Clock => fixture.Clock;

    public async Task InitializeAsync()
    {
        fixture.Clock.Shift = TimeSpan.Zero;
        await Host.ResetAllMartenDataAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The real clock, moved forward by <see cref="Shift"/>.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
