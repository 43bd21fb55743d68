using JasperFx.Events.Projections;
using Marten;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;

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
        options.Schema.For<IndicatorDefinitionVersion>();
        options.Schema.For<PublicationRecord>().Duplicate(x => x.At);
        return options;
    }

    /// <summary>Settings under <c>Parcours:Indicators</c> (threshold, baseline year), the publication services and the definitions' seed.</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IndicatorOptions>(configuration.GetSection("Parcours:Indicators"));
        services.AddSingleton<IndicatorPublications>();
        services.AddSingleton<PublicationLog>();
        services.InitializeMartenWith<IndicatorDefinitionSeed>();
        return services;
    }
}
