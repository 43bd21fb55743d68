using Parcours.Audit;

namespace Parcours.Hosting;

/// <summary>
/// Chooses the database: the configured <c>ConnectionStrings:Parcours</c> when there is one,
/// otherwise a private cluster kept in a per-user data folder, started now and stopped with
/// the application.
/// </summary>
public static class EmbeddedDatabase
{
    public const string ConnectionName = "Parcours";

    /// <summary>True when Parcours started its own cluster (the demo territory is seeded then).</summary>
    public static bool IsEmbedded(IConfiguration configuration) => configuration.GetValue<bool>("Parcours:Embedded");

    public static string UseParcoursDatabase(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var cluster = PostgresCluster.For(DataFolder(builder.Configuration));
        cluster.StartAsync(throwaway: false).GetAwaiter().GetResult();
        cluster.EnsureDatabaseAsync("parcours").GetAwaiter().GetResult();
        AuditSchema.InstallAsync(cluster.OwnerConnectionString("parcours"), PostgresCluster.ApplicationRole).GetAwaiter().GetResult();
        builder.Configuration["Parcours:Embedded"] = "true";
        builder.Services.AddHostedService(_ => new EmbeddedClusterLifetime(cluster));
        Console.WriteLine($"PostgreSQL embarqué / embedded PostgreSQL: {cluster.Folder}");
        return cluster.ConnectionString("parcours");
    }

    private static string DataFolder(IConfiguration configuration)
    {
        var configured = configuration["Parcours:EmbeddedFolder"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        // The server runs as the postgres user when we are root, and it cannot enter /root.
        if (Environment.UserName == "root") return "/var/lib/parcours/postgres";
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(dataHome, "parcours", "postgres");
    }

    private sealed class EmbeddedClusterLifetime(PostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            cluster.Stop();
            return Task.CompletedTask;
        }
    }
}
