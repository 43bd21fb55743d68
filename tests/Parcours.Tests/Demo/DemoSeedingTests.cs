using Alba;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Committees;
using Parcours.Committees.Reading;
using Parcours.Demo;
using Parcours.Pathways.Reading;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Tests.Support;

namespace Parcours.Tests.Demo;

public sealed class DemoSeedingTests
{
    private const int Pathways = 30;

    [Fact]
    public async Task a_host_started_on_an_empty_database_seeds_the_demo_territory_once()
    {
        var connectionString = TestCluster.ConnectionString("parcours_demo");

        var first = await StartAsync(connectionString);
        int sittingCount;
        try
        {
            var store = first.Services.GetRequiredService<IDocumentStore>();
            await using var session = store.QuerySession();
            var files = await session.Query<PathwayFile>().ToListAsync();
            Assert.Equal(Pathways, files.Count);

            var people = await session.Query<Person>().CountAsync();
            Assert.True(people > 0);
            Assert.Equal(people, await session.Query<PersonKey>().CountAsync());
            Assert.Equal(people, await session.Query<SealedIdentity>().CountAsync());

            foreach (var file in files)
            {
                var stream = await session.Events.FetchStreamAsync(file.Id);
                Assert.All(stream, e => Assert.Equal(StreamReplay.Describe(e.Data).At, e.Timestamp));
                Assert.Equal(stream.Select(e => e.Timestamp), file.Timeline.Select(t => t.At));
            }

            // The coming twelve months of sittings, with their usual partners invited.
            var sittings = await session.Query<CommitteeView>().ToListAsync();
            Assert.All(Enum.GetValues<CommitteeKind>(), kind => Assert.Contains(sittings, s => s.Kind == kind));
            Assert.All(sittings.Where(s => s.Kind == CommitteeKind.MutualisedAdmission),
                s => Assert.Contains(Parcours.Reference.Structures.CollegeLesDunes, s.InvitedStructures));
            Assert.DoesNotContain(sittings, s => s.SittingOn.Month == 8);
            sittingCount = sittings.Count;

            var vault = new PersonVault(first.Services.GetRequiredService<IDataProtectionProvider>());
            var sample = files[0];
            var identity = vault.Open(await session.LoadAsync<PersonKey>(sample.PersonId), await session.LoadAsync<SealedIdentity>(sample.PersonId));
            Assert.False(string.IsNullOrWhiteSpace(identity!.LastName));
            Assert.False(string.IsNullOrWhiteSpace(vault.Decrypt(await session.LoadAsync<PersonKey>(sample.PersonId), sample.Reason)));
        }
        finally
        {
            await StopAsync(first);
        }

        var second = await StartAsync(connectionString);
        try
        {
            await using var session = second.Services.GetRequiredService<IDocumentStore>().QuerySession();
            Assert.Equal(Pathways, await session.Query<PathwayFile>().CountAsync());
            Assert.Equal(sittingCount, await session.Query<CommitteeView>().CountAsync());
        }
        finally
        {
            await StopAsync(second);
        }
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("true", null, true)]
    [InlineData("true", "false", false)]
    [InlineData(null, "true", true)]
    public void the_demo_is_seeded_by_default_with_the_embedded_database_only_unless_configured(string? embedded, string? seedDemo, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Parcours:Embedded"] = embedded, ["Parcours:SeedDemo"] = seedDemo })
            .Build();
        var options = DemoOptions.From(configuration);
        Assert.Equal(enabled, options.Enabled);
        Assert.Equal(DemoTerritory.DefaultPathways, options.Pathways);
    }

    private static Task<IAlbaHost> StartAsync(string connectionString) => AlbaHost.For<Program>(builder =>
    {
        builder.UseSetting("ConnectionStrings:Parcours", connectionString);
        builder.UseSetting("Parcours:DaemonMode", "Solo");
        builder.UseSetting("Parcours:SeedDemo", "true");
        builder.UseSetting("Parcours:DemoPathways", Pathways.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    private static async Task StopAsync(IAlbaHost host)
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
