namespace Parcours.Benchmarks.Http;

/// <summary>
/// Parcours itself, the build next to the harness' own configuration (Release for the measures,
/// Debug when a test runs the harness), started as a production server on the scale's database:
/// no demo seeding, no retention schedule, the development OpenID Connect provider on so that
/// the load signs in as a real API client does.
/// </summary>
public static class ParcoursApp
{
    public static Task<ChildProcess> StartAsync(BenchContext context, CancellationToken ct)
    {
        var root = BenchOptions.RepositoryRoot();
        var project = Path.Combine(root, "src", "Parcours");
        var assembly = Path.Combine(project, "bin", Configuration(), "net10.0", "Parcours.dll");
        if (!File.Exists(assembly)) throw new FileNotFoundException($"Parcours is not built in {Configuration()}: {assembly}");
        var url = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Parcours"] = context.Database.ConnectionString,
            ["Parcours__SeedDemo"] = "false",
            ["Parcours__DevelopmentSignIn"] = "true",
            ["Parcours__Retention__Schedule"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return ChildProcess.StartAsync("Parcours", [assembly, "--urls", url.ToString().TrimEnd('/'), "--contentRoot", project], environment,
            url, "/.well-known/openid-configuration", project, ct);
    }

    /// <summary>The build configuration the harness runs in (the folder above its target framework's).</summary>
    public static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
