using JasperFx.Events.Projections;
using Marten;
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
        return options;
    }
}
