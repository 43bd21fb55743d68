namespace Parcours.Demo;

public static class Configuration
{
    /// <summary>Registers the demo territory; call after Marten so the store is ready when it seeds.</summary>
    public static IServiceCollection AddDemoTerritory(this IServiceCollection services)
    {
        services.AddSingleton<DemoLoader>();
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
