using Marten;

namespace Parcours.Documents;

public static class Configuration
{
    public static StoreOptions ConfigureDocuments(this StoreOptions options)
    {
        options.Schema.For<TemplateVersion>().Duplicate(t => t.Code).Duplicate(t => t.Version);
        return options;
    }
}
