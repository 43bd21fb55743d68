namespace Parcours.Benchmarks.Http;

/// <summary>
/// CPU time spent by a process, and by the scale's PostgreSQL (its postmaster and every backend),
/// read from <c>/proc</c>: divided by the requests of a load, it says where a request's cost goes
/// (the server or the database), which latencies alone cannot on a shared machine.
/// </summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100.0;

    /// <summary>User + system CPU seconds of the process, or 0 when it is gone or not on Linux.</summary>
    public static double OfProcess(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>CPU seconds of the cluster whose data directory is under <paramref name="clusterFolder"/>: its postmaster and its children.</summary>
    public static double OfCluster(string clusterFolder)
    {
        var pidFile = Path.Combine(clusterFolder, "data", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return 0;
        var total = OfProcess(postmaster);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == postmaster) total += (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return total;
    }
}
