using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parcours.Benchmarks.Reporting;

/// <summary>What one scale's store held when it was measured.</summary>
public sealed record DataSummary(string Scale, long Pathways, long People, long Events, long Committees, double LoadSeconds, bool Reused);

/// <summary>Everything a run measured, written as docs/benchmarks.md and the JSON beside it.</summary>
public sealed record Report(MachineInfo Machine, string Command, string ServerSettings, IReadOnlyList<DataSummary> Data, IReadOnlyList<Measure> Measures)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task WriteAsync(string markdownPath, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(markdownPath)!);
        await File.WriteAllTextAsync(markdownPath, Markdown(), ct);
        await File.WriteAllTextAsync(Path.ChangeExtension(markdownPath, ".json"), JsonSerializer.Serialize(this, Json), ct);
    }

    /// <summary>Writes the Markdown of a run again from its JSON (figures unchanged, findings as they are now).</summary>
    public static async Task RewriteAsync(string jsonPath, CancellationToken ct)
    {
        var report = JsonSerializer.Deserialize<Report>(await File.ReadAllTextAsync(jsonPath, ct), Json)
                     ?? throw new InvalidDataException($"{jsonPath} holds no report");
        await File.WriteAllTextAsync(Path.ChangeExtension(jsonPath, ".md"), report.Markdown(), ct);
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Written by the benchmark harness (`tests/Parcours.Benchmarks`); do not edit by hand: the text after");
        md.AppendLine("the table is `tests/Parcours.Benchmarks/Findings.md` (after editing it, `-- report docs/benchmarks.json`");
        md.AppendLine("writes this page again with the same figures). Reproduce the figures with:");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine(Command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine($"- Processor: {Machine.Processor}, {Machine.Cores} cores; memory {Machine.MemoryGiB.ToString(CultureInfo.InvariantCulture)} GiB");
        md.AppendLine($"- {Machine.Os}; {Machine.Dotnet}; {Machine.PostgreSql}");
        md.AppendLine($"- PostgreSQL settings (every measure): `{ServerSettings}`");
        md.AppendLine($"- Commit {Machine.Commit}, measured {Machine.At:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine("| scale | pathways | people | events | committee sittings | load (s) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var d in Data)
        {
            var load = d.Reused ? "kept from an earlier run" : Number(d.LoadSeconds);
            md.AppendLine($"| {d.Scale} | {d.Pathways:N0} | {d.People:N0} | {d.Events:N0} | {d.Committees:N0} | {load} |");
        }
        md.AppendLine();
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("Ratio = Parcours ÷ baseline. Goals are the issue's; a missed goal is explained under Findings.");
        md.AppendLine();
        md.AppendLine("| goal | measure | scale | Parcours | baseline | unit | ratio | target | verdict | note |");
        md.AppendLine("|---|---|---|---:|---:|---|---:|---|---|---|");
        foreach (var m in Measures)
        {
            var verdict = m.Met switch { true => "pass", false => "**fail**", null => "" };
            md.AppendLine($"| {m.Goal} | {m.Name} | {m.Scale} | {Number(m.Parcours)} | {(m.Baseline is { } b ? Number(b) : "")} | {m.Unit} | " +
                          $"{(m.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {m.Target} | {verdict} | {m.Note} |");
        }
        md.AppendLine();
        var findings = Path.Combine(BenchOptions.RepositoryRoot(), "tests", "Parcours.Benchmarks", "Findings.md");
        if (File.Exists(findings)) md.Append(File.ReadAllText(findings));
        return md.ToString();
    }

    private static string Number(double value) => value switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
