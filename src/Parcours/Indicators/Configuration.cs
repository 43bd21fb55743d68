using JasperFx.Events.Projections;
using Marten;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;

namespace Parcours.Indicators;

public static class Configuration
{
    /// <summary>The indicator facts: an async projection, rebuilt from the event store at will.</summary>
    public static StoreOptions ConfigureIndicators(this StoreOptions options, Pseudonyms pseudonyms)
    {
        options.Projections.Add(new IndicatorFactProjection(pseudonyms), ProjectionLifecycle.Async);
        options.Projections.Add(new ReceptionFactProjection(), ProjectionLifecycle.Async);
        options.Schema.For<IndicatorFact>()
            .Duplicate(x => x.Programme)
            .Duplicate(x => x.ReferredOn);
        options.Schema.For<ReceptionFact>().Duplicate(x => x.HeldOn);
        return options;
    }

    /// <summary>Settings under <c>Parcours:Indicators</c> (threshold, baseline year) and the publication service.</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IndicatorOptions>(configuration.GetSection("Parcours:Indicators"));
        services.AddSingleton<IndicatorPublications>();
        return services;
    }
}
