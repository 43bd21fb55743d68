namespace Parcours.Benchmarks.Http;

/// <summary>The hand-written minimal-API endpoints the Parcours endpoints are compared with (filled in by the HTTP measures).</summary>
public static class BaselineServer
{
    public static Task RunAsync(string connectionString, string url) => throw new NotImplementedException();
}
