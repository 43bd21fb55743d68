using System.Text.Json;
using Parcours.Benchmarks;

namespace Parcours.Tests.Benchmarks;

/// <summary>
/// The CI's run of the benchmark harness (issue 7), so that it never rots: the whole harness —
/// its own durable PostgreSQL, the generated territory, the real application and the baseline
/// server as child processes, every measure — at a few hundred pathways, in seconds. Timing is
/// not judged here (the smoke scale gives no verdict): only that every goal was measured with
/// real figures and that the report was written.
/// </summary>
public sealed class HarnessSmokeTests : IDisposable
{
    private readonly string _folder = Path.Combine("/tmp/parcours-tests", $"{Environment.ProcessId}-bench-{Guid.NewGuid():N}"[..28]);

    [Fact]
    public async Task the_harness_measures_every_goal_at_smoke_scale_and_writes_its_report()
    {
        var output = Path.Combine(_folder + "-report", "benchmarks.md");
        var options = new BenchOptions([Scale.Smoke], output, _folder, Keep: false, Seed: 2030);

        Assert.Equal(0, await Harness.RunAsync(options, CancellationToken.None));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".json")));
        var measures = json.RootElement.GetProperty("Measures").EnumerateArray().ToList();
        // Goal 6 compares two scales; a smoke run has one.
        foreach (var goal in new[] { "1", "2", "3", "4", "5", "7" })
        {
            Assert.Contains(measures, m => m.GetProperty("Goal").GetString() == goal);
        }
        Assert.All(measures, m =>
        {
            Assert.True(m.GetProperty("Parcours").GetDouble() > 0, m.GetProperty("Name").GetString());
            Assert.Equal(JsonValueKind.Null, m.GetProperty("Met").ValueKind);
        });
        var data = json.RootElement.GetProperty("Data").EnumerateArray().Single();
        Assert.Equal(Scale.Smoke.Pathways, data.GetProperty("Pathways").GetInt64());
        Assert.Contains("| goal | measure |", await File.ReadAllTextAsync(output));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder + "-report")) Directory.Delete(_folder + "-report", recursive: true);
    }
}
