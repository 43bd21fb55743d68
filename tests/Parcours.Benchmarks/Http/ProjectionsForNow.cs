namespace Parcours.Benchmarks.Http;

/// <summary>
/// TEMPORARY, until the loader's own rebuild lands on main: the bulk event append bypasses the
/// inline projections, so the HTTP measures rebuild every projection once before they run.
/// </summary>
public static class ProjectionsForNow
{
    public static async Task RebuildAsync(BenchContext context, CancellationToken ct)
    {
        var store = context.Store;
        if (Convert.ToInt64(await context.Database.ScalarAsync("select count(*) from parcours.mt_doc_pathwayfile", ct)) > 0) return;
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in store.Options.Projections.All)
        {
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(30), ct);
        }
        await daemon.StopAllAsync();
    }
}
