using Marten;

namespace Parcours.Identity;

public static class Configuration
{
    public static StoreOptions ConfigureIdentity(this StoreOptions options)
    {
        options.Schema.For<StaffMember>().Duplicate(x => x.StructureId);
        return options;
    }
}
