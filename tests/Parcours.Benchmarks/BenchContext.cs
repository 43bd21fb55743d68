using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Benchmarks.Loading;
using Parcours.Benchmarks.Reporting;
using Parcours.Hosting;
using Parcours.Indicators.Facts;
using Parcours.People.Searching;
using Parcours.People.Vault;

namespace Parcours.Benchmarks;

/// <summary>
/// One scale's run: its database, a document store configured exactly as Parcours' own (to load
/// and rebuild it), the vault sharing Parcours' data-protection keys, and the measures so far.
/// </summary>
public sealed class BenchContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly Pseudonyms _pseudonyms;

    private BenchContext(BenchOptions options, Scale scale, BenchDatabase database, ServiceProvider services, Pseudonyms pseudonyms)
    {
        _pseudonyms = pseudonyms;
        Options = options;
        Scale = scale;
        Database = database;
        _services = services;
    }

    public BenchOptions Options { get; }
    public Scale Scale { get; }
    public BenchDatabase Database { get; }
    public DocumentStore Store => (DocumentStore)_services.GetRequiredService<IDocumentStore>();
    public PersonVault Vault => _services.GetRequiredService<PersonVault>();
    public PersonSearchIndex SearchIndex => _services.GetRequiredService<PersonSearchIndex>();
    public List<Measure> Measures { get; } = [];

    /// <summary>What the loader wrote (or found, for a kept store); set by <see cref="TerritoryLoader"/>.</summary>
    public Territory Territory { get; set; } = null!;

    public static BenchContext Create(BenchOptions options, Scale scale, BenchDatabase database)
    {
        var configuration = new ConfigurationBuilder().Build();
        var connectionString = database.ConnectionString;
        var pseudonyms = new Pseudonyms(PseudonymKey.Resolve(configuration, connectionString, "parcours"));
        var searchKey = SearchKey.Resolve(configuration, connectionString, "parcours");

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentStore>(_ => DocumentStore.For(o => ParcoursHost.ConfigureStore(o, connectionString, pseudonyms)));
        services.AddDataProtection().SetApplicationName("Parcours");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentStore>((o, store) => o.XmlRepository = new MartenXmlRepository(store));
        services.AddSingleton<PersonVault>();
        services.AddSingleton(provider => new PersonSearchIndex(searchKey, provider.GetRequiredService<TimeProvider>()));
        return new BenchContext(options, scale, database, services.BuildServiceProvider(), pseudonyms);
    }

    /// <summary>A second store configured exactly as Parcours' but in its own schema (the bulk import measure writes there); the caller disposes it.</summary>
    public DocumentStore StoreInSchema(string schema) => DocumentStore.For(o =>
    {
        ParcoursHost.ConfigureStore(o, Database.ConnectionString, _pseudonyms);
        o.DatabaseSchemaName = schema;
    });

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
