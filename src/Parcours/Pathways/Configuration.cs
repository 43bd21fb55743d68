using JasperFx.Events.Projections;
using Marten;
using Parcours.Pathways.Reading;

namespace Parcours.Pathways;

public static class Configuration
{
    public static StoreOptions ConfigurePathways(this StoreOptions options)
    {
        options.Projections.Add<PathwayFileProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PathwayFile>()
            .Duplicate(x => x.ReferentStructureId)
            .Duplicate(x => x.PersonId)
            .Duplicate(x => x.Programme)
            .Duplicate(x => x.TerritoryCode);
        return options;
    }
}
