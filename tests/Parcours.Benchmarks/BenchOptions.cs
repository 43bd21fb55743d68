namespace Parcours.Benchmarks;

/// <summary>How big a territory to generate and how long to load it.</summary>
/// <param name="Pathways">Pathways generated (households as in the demo territory).</param>
/// <param name="LoadSeconds">Length of each HTTP load (after its warm-up).</param>
/// <param name="WarmupSeconds">HTTP warm-up before each measured load.</param>
/// <param name="Repetitions">Repetitions of each timed database measure (the median is kept).</param>
public sealed record Scale(string Name, int Pathways, int LoadSeconds, int WarmupSeconds, int Repetitions)
{
    /// <summary>Seconds, a few hundred pathways: the CI run that keeps the harness from rotting (no verdict on timing).</summary>
    public static readonly Scale Smoke = new("smoke", 300, 2, 1, 1);
    public static readonly Scale City = new("city", 5_000, 20, 5, 5);
    public static readonly Scale National = new("national", 500_000, 20, 5, 3);

    public static Scale? Named(string name) => name switch
    {
        "smoke" => Smoke,
        "city" => City,
        "national" => National,
        _ => null,
    };
}

/// <param name="Scales">The scales to measure, in order (city before national: goal 6 compares them).</param>
/// <param name="Output">The Markdown report; the JSON goes beside it.</param>
/// <param name="Rebuild">Rebuild the projections of a kept store too (they are rebuilt anyway after a fresh load).</param>
/// <param name="Folder">Where the clusters live (one per scale); a national store is kept and reused when <paramref name="Keep"/>.</param>
public sealed record BenchOptions(IReadOnlyList<Scale> Scales, string Output, string Folder, bool Keep, int Seed, bool Rebuild = false)
{
    public const string Usage =
        "usage: Parcours.Benchmarks [--scale smoke|city|national|all] [--out docs/benchmarks.md] [--folder /tmp/parcours-bench] [--keep] [--rebuild] [--seed 2030]";

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var scales = new List<Scale> { Scale.City };
        var output = Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
        var folder = "/tmp/parcours-bench";
        var keep = false;
        var seed = 2030;
        var rebuild = false;
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--scale":
                    var name = Next();
                    if (name == "all") scales = [Scale.City, Scale.National];
                    else if (name is not null && Scale.Named(name) is { } scale) scales = [scale];
                    else return null;
                    break;
                case "--out" when Next() is { } path: output = Path.GetFullPath(path); break;
                case "--folder" when Next() is { } path: folder = Path.GetFullPath(path); break;
                case "--seed" when int.TryParse(Next(), out var s): seed = s; break;
                case "--keep": keep = true; break;
                case "--rebuild": rebuild = true; break;
                default: return null;
            }
        }
        return new BenchOptions(scales, output, folder, keep, seed, rebuild);
    }

    /// <summary>The folder holding Parcours.sln, found upwards from the harness' own binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parcours.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Parcours.sln not found above " + AppContext.BaseDirectory);
    }
}
