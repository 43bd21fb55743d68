using JasperFx.Events.Projections;
using Marten;
using Parcours.Permanences.Listing;

namespace Parcours.Permanences;

public static class Configuration
{
    /// <summary>The Maison des Femmes' permanence sessions: one stream each, listed through an inline view.</summary>
    public static StoreOptions ConfigurePermanences(this StoreOptions options)
    {
        options.Events.AddEventType<PermanenceSessionRecorded>();
        options.Projections.Add<PermanenceSessionViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PermanenceSessionView>().Duplicate(x => x.HeldOn);
        return options;
    }
}
