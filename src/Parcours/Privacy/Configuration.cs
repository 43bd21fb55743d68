using Marten;
using Parcours.Privacy.AccessRequests;

namespace Parcours.Privacy;

public static class Configuration
{
    public static StoreOptions ConfigurePrivacy(this StoreOptions options)
    {
        // Keyed by its own id; PersonId is duplicated so erasure finds a person's requests.
        options.Schema.For<AccessRequest>().Duplicate(x => x.PersonId);
        return options;
    }
}
