using JasperFx.Events.Projections;
using Marten;
using Parcours.People.Merging;
using Parcours.People.Searching;
using Parcours.People.Vault;

namespace Parcours.People;

public static class Configuration
{
    public static StoreOptions ConfigurePeople(this StoreOptions options)
    {
        options.Projections.Snapshot<Person>(SnapshotLifecycle.Inline);
        options.Schema.For<Person>().Duplicate(x => x.StructureId);
        options.Schema.For<PersonKey>();
        options.Schema.For<SealedIdentity>();
        options.Schema.For<DataProtectionKeyDocument>();
        // The default jsonb_ops class, so that the search's "?|" (any of these tokens) uses the index.
        options.Schema.For<PersonSearchEntry>().GinIndexJsonDataMember(x => x.Tokens, index => index.Mask = "(? -> 'Tokens')");
        options.Projections.Snapshot<PersonMerge>(SnapshotLifecycle.Inline);
        return options;
    }

    /// <summary>The blind index's key (outside the documents) and the search.</summary>
    public static IServiceCollection AddPeopleSearch(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var key = SearchKey.Resolve(configuration, connectionString, "parcours");
        services.AddSingleton(provider => new PersonSearchIndex(key, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PersonSearch>();
        return services;
    }
}
