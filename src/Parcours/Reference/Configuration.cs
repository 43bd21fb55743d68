using Marten;

namespace Parcours.Reference;

public static class Configuration
{
    public static StoreOptions ConfigureReference(this StoreOptions options)
    {
        options.Schema.For<Programme>();
        options.Schema.For<Territory>();
        options.Schema.For<CodeListItem>().Duplicate(x => x.List);
        options.Schema.For<Structure>();
        return options;
    }
}
