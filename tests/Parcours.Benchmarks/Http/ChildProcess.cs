using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parcours.Benchmarks.Http;

/// <summary>
/// A server the harness starts as a process of its own (Parcours, the baseline), so that what is
/// measured over HTTP is a real server on loopback with its own runtime, GC and memory: started,
/// awaited until it answers, its peak working set read, then stopped.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ChildProcess(Process process, string name, Uri url)
    {
        _process = process;
        Name = name;
        Url = url;
    }

    public string Name { get; }
    public Uri Url { get; }
    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet exec</c> with the arguments and environment, then waits until <paramref name="readyPath"/> answers (any status).</summary>
    public static async Task<ChildProcess> StartAsync(string name, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        Uri url, string readyPath, string workingDirectory, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var child = new ChildProcess(process, name, url);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitUntilAnsweringAsync(readyPath, ct);
        return child;
    }

    /// <summary>A free loopback port (taken then released; the child binds it right after).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The peak resident set of the process so far (<c>VmHWM</c>, bytes), or null off Linux.</summary>
    public long? PeakWorkingSet()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }

    /// <summary>The last lines the process wrote (for a failure's message).</summary>
    public string Tail()
    {
        lock (_output) return string.Join('\n', _output.TakeLast(40));
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400) _output.RemoveRange(0, 200);
        }
    }

    private async Task WaitUntilAnsweringAsync(string readyPath, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} stopped (exit code {_process.ExitCode}):\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(readyPath, ct);
                return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"{Name} did not answer on {Url} within 3 minutes:\n{Tail()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
