using Marten;

namespace Parcours.Identity;

public static class Configuration
{
    public static StoreOptions ConfigureIdentity(this StoreOptions options)
    {
        options.Schema.For<Habilitation>()
            .Duplicate(x => x.StructureId)
            .UniqueIndex(x => x.Email, x => x.StructureId);
        return options;
    }
}
