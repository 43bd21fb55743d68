using JasperFx.Events.Projections;
using Marten;
using Parcours.Orientations.Inbox;

namespace Parcours.Orientations;

public static class Configuration
{
    public static StoreOptions ConfigureOrientations(this StoreOptions options)
    {
        options.Projections.Add<OrientationTicketProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<OrientationTicket>()
            .Duplicate(x => x.ReceivingStructureId)
            .Duplicate(x => x.Status);
        return options;
    }

    public static IServiceCollection AddOrientations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OrientationOptions>(configuration.GetSection(OrientationOptions.Section));
        return services;
    }
}
