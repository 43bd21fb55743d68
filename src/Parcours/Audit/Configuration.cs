using Npgsql;

namespace Parcours.Audit;

public static class Configuration
{
    /// <summary>
    /// The trail's writer, and a start-up check that its table exists. Against a server Parcours
    /// did not start, <c>ConnectionStrings:ParcoursAdmin</c> (an owner role) installs the table so
    /// that the application's role cannot change it; without it, the application installs the
    /// table itself and only the triggers protect it (a warning says so).
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(provider => new AuditInstallation(
            connectionString, provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<ILogger<AuditTrail>>()));
        return services;
    }

    private sealed class AuditInstallation(string connectionString, NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<AuditTrail> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            if (configuration.GetConnectionString("ParcoursAdmin") is { Length: > 0 } owner)
            {
                var role = new NpgsqlConnectionStringBuilder(connectionString).Username;
                await AuditSchema.InstallAsync(owner, role, ct);
                return;
            }
            if (await AuditSchema.ExistsAsync(dataSource, ct)) return;

            logger.LogWarning("Journal des accès installé par le rôle de l'application : seuls les déclencheurs le protègent. " +
                              "Renseignez ConnectionStrings:ParcoursAdmin pour qu'un rôle propriétaire l'installe. / " +
                              "Access trail installed by the application's own role: only triggers protect it; set ConnectionStrings:ParcoursAdmin.");
            await AuditSchema.InstallAsync(connectionString, null, ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
