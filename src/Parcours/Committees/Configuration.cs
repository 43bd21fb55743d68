using JasperFx.Events.Projections;
using Marten;
using Parcours.Committees.Reading;

namespace Parcours.Committees;

public static class Configuration
{
    public static StoreOptions ConfigureCommittees(this StoreOptions options)
    {
        options.Projections.Add<CommitteeViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<CommitteeView>()
            .Duplicate(x => x.SittingOn)
            .Duplicate(x => x.Kind);
        return options;
    }
}
