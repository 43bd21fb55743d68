using Parcours.Audit;
using Parcours.Hosting;

namespace Parcours.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, under /tmp/parcours-tests. It is destroyed when
/// the test process ends, however it ends (a detached watchdog stops and deletes it); folders
/// left by a watchdog that could not run are removed by the next run.
/// </summary>
public static class TestCluster
{
    private const string Root = "/tmp/parcours-tests";
    private static readonly Lazy<PostgresCluster> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Created = [];

    /// <summary>The owner's connection to a test database (to tamper with what the application may not touch).</summary>
    public static string OwnerConnectionString(string database)
    {
        ConnectionString(database);
        return Instance.Value.OwnerConnectionString(database);
    }

    public static string ConnectionString(string database)
    {
        var cluster = Instance.Value;
        lock (Gate)
        {
            if (Created.Add(database))
            {
                cluster.EnsureDatabaseAsync(database).GetAwaiter().GetResult();
                AuditSchema.InstallAsync(cluster.OwnerConnectionString(database), PostgresCluster.ApplicationRole).GetAwaiter().GetResult();
            }
        }
        return cluster.ConnectionString(database);
    }

    private static PostgresCluster Start()
    {
        RemoveLeftovers();
        var cluster = PostgresCluster.For(Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]));
        cluster.StartAsync(throwaway: true).GetAwaiter().GetResult();
        cluster.DestroyWhenProcessExits(Environment.ProcessId);
        return cluster;
    }

    private static void RemoveLeftovers()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.GetDirectories(Root))
        {
            var owner = Path.GetFileName(folder).Split('-')[0];
            if (int.TryParse(owner, out var pid) && IsAlive(pid)) continue;
            try { PostgresCluster.For(folder).Destroy(); }
            catch (Exception e) { Console.Error.WriteLine($"Could not remove stale test cluster {folder}: {e.Message}"); }
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}
