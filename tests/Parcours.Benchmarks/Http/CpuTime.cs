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
            return Parse(File.ReadAllText($"/proc/{pid}/stat")).Seconds;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>The CPU seconds so far of each process of the cluster under <paramref name="clusterFolder"/>: its postmaster and its children.</summary>
    public static IEnumerable<(int Pid, double Seconds)> OfClusterProcesses(string clusterFolder)
    {
        var pidFile = Path.Combine(clusterFolder, "data", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) yield break;
        yield return (postmaster, OfProcess(postmaster));
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var (parent, seconds) = Parse(stat);
            if (parent == postmaster) yield return (pid, seconds);
        }
    }

    /// <summary>The parent pid and the user + system CPU seconds of a <c>/proc/&lt;pid&gt;/stat</c> line (fields after the command name).</summary>
    private static (int Parent, double Seconds) Parse(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1]), (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
    }
}

/// <summary>
/// The CPU seconds of a cluster's processes as seen by successive readings. A backend that exits
/// between two readings (a pooled connection pruned, the harness' own connections closing) keeps
/// its last reading, so the total never goes back; what it spent after that reading is not
/// counted (a first version summed the live processes only, and gave a negative figure when the
/// rebuild's backends exited during a load).
/// </summary>
public sealed class ClusterCpu(string clusterFolder)
{
    private readonly Dictionary<int, double> _seen = [];

    public double Read()
    {
        foreach (var (pid, seconds) in CpuTime.OfClusterProcesses(clusterFolder)) _seen[pid] = seconds;
        return _seen.Values.Sum();
    }
}
