using System.Diagnostics;
using System.Globalization;
using Marten;
using Parcours.Committees.Reading;
using Parcours.Hosting;
using Parcours.Kernel;
using Parcours.Pathways.Reading;

namespace Parcours.Demo;

/// <summary>
/// The demo settings: <c>Parcours:SeedDemo</c> (default: on with the embedded database only),
/// <c>Parcours:DemoPathways</c> and <c>Parcours:DemoSeed</c>.
/// </summary>
public sealed record DemoOptions(bool Enabled, int Pathways, int Seed)
{
    public static DemoOptions From(IConfiguration configuration) => new(
        configuration.GetValue<bool?>("Parcours:SeedDemo") ?? EmbeddedDatabase.IsEmbedded(configuration),
        configuration.GetValue("Parcours:DemoPathways", DemoTerritory.DefaultPathways),
        configuration.GetValue("Parcours:DemoSeed", DemoTerritory.DefaultSeed));
}

/// <summary>
/// On start, fills an empty database (no pathway yet) with the demo territory, before the
/// application answers requests. A database holding any pathway gets no other pathway; one
/// without any committee sitting gets the demo calendar (<see cref="DemoCommittees"/>), one
/// without any permanence session the Maison des Femmes' sessions (<see cref="DemoPermanences"/>).
/// </summary>
public sealed class DemoSeeder(IDocumentStore store, DemoLoader loader, TimeProvider time, IConfiguration configuration, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = DemoOptions.From(configuration);
        if (!options.Enabled || options.Pathways <= 0) return;

        bool hasPathways, hasCommittees;
        await using (var query = store.QuerySession())
        {
            hasPathways = await query.Query<PathwayFile>().AnyAsync(cancellationToken);
            hasCommittees = await query.Query<CommitteeView>().AnyAsync(cancellationToken);
        }

        if (!hasPathways) await LoadPathwaysAsync(options, cancellationToken);
        var permanences = await DemoPermanences.LoadAsync(store, options.Seed, time.GetUtcNow(), cancellationToken);
        if (permanences > 0) logger.LogInformation("{Summary}", $"Permanences de démonstration : {permanences} séances / Demo permanences: {permanences} sessions");
        if (!hasCommittees)
        {
            var sittings = await DemoCommittees.LoadAsync(store, time.GetUtcNow(), time.Today(), cancellationToken);
            logger.LogInformation("{Summary}", $"Calendrier de démonstration : {sittings} instances programmées / Demo calendar: {sittings} sittings scheduled");
        }
    }

    private async Task LoadPathwaysAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var counts = await loader.LoadAsync(options.Pathways, options.Seed, time.GetUtcNow(), cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var french = CultureInfo.GetCultureInfo("fr-FR");
        logger.LogInformation("{Summary}", string.Create(CultureInfo.InvariantCulture,
            $"Territoire de démonstration : {counts.Pathways.ToString("N0", french)} parcours, {counts.People.ToString("N0", french)} personnes, " +
            $"{counts.Events.ToString("N0", french)} événements chargés en {seconds.ToString("0.0", french)} s / " +
            $"Demo territory: {counts.Pathways:N0} pathways, {counts.People:N0} people, {counts.Events:N0} events loaded in {seconds:0.0} s"));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
