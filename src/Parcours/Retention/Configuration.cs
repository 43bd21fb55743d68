using Marten;
using Parcours.Retention.Purging;
using Parcours.Retention.Sweeping;

namespace Parcours.Retention;

public static class Configuration
{
    public static StoreOptions ConfigureRetention(this StoreOptions options)
    {
        options.Schema.For<PurgeNotice>();
        options.Schema.For<RetentionSchedule>().Identity(x => x.Id);
        return options;
    }

    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
