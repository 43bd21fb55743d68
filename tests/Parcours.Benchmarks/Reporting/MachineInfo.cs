using System.Runtime.InteropServices;

namespace Parcours.Benchmarks.Reporting;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public sealed record MachineInfo(string Processor, int Cores, double MemoryGiB, string Os, string Dotnet, string PostgreSql, string Commit, DateTimeOffset At)
{
    public static MachineInfo Read(string postgreSqlVersion) => new(
        ProcessorName(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        postgreSqlVersion,
        GitCommit(),
        DateTimeOffset.UtcNow);

    private static string ProcessorName()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string GitCommit()
    {
        try
        {
            var head = Path.Combine(BenchOptions.RepositoryRoot(), ".git", "HEAD");
            if (!File.Exists(head)) return "unknown";
            var text = File.ReadAllText(head).Trim();
            if (!text.StartsWith("ref: ", StringComparison.Ordinal)) return text[..Math.Min(12, text.Length)];
            var reference = Path.Combine(BenchOptions.RepositoryRoot(), ".git", text[5..]);
            return File.Exists(reference) ? File.ReadAllText(reference).Trim()[..12] : text[5..];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
