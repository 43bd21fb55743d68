using JasperFx.Events.Projections;
using Marten;
using Parcours.Indicators.Facts;

namespace Parcours.Indicators;

public static class Configuration
{
    /// <summary>The indicator facts: an async projection, rebuilt from the event store at will.</summary>
    public static StoreOptions ConfigureIndicators(this StoreOptions options, Pseudonyms pseudonyms)
    {
        options.Projections.Add(new IndicatorFactProjection(pseudonyms), ProjectionLifecycle.Async);
        options.Schema.For<IndicatorFact>()
            .Duplicate(x => x.Programme)
            .Duplicate(x => x.ReferredOn);
        return options;
    }
}
