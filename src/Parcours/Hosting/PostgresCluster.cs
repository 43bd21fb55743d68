using System.Diagnostics;

namespace Parcours.Hosting;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries. It listens only on a
/// Unix socket in its own folder (mode 0700), so no other local user can reach it and no TCP
/// port can clash. Used by the embedded default and by the test fixture.
/// </summary>
public sealed class PostgresCluster
{
    private const int SocketPort = 5432;

    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;

    private PostgresCluster(string binDirectory, string folder)
    {
        _binDirectory = binDirectory;
        Folder = folder;
        _runAsPostgresUser = Environment.UserName == "root";
    }

    public string Folder { get; }
    private string DataDirectory => Path.Combine(Folder, "data");
    private string SocketDirectory => Path.Combine(Folder, "socket");
    private string LogFile => Path.Combine(Folder, "postgres.log");

    /// <summary>The cluster's superuser: creates databases and installs what the application must not own.</summary>
    public const string OwnerRole = "parcours";

    /// <summary>The role Parcours runs as: owns its schemas, but is no superuser (the access trail is not its to change).</summary>
    public const string ApplicationRole = "parcours_app";

    public string ConnectionString(string database) => ConnectionString(database, ApplicationRole);

    public string OwnerConnectionString(string database) => ConnectionString(database, OwnerRole);

    private string ConnectionString(string database, string role) =>
        $"Host={SocketDirectory};Port={SocketPort};Username={role};Database={database};Pooling=true;Maximum Pool Size=50";

    /// <summary>Finds the server binaries, or explains in French and English what to install.</summary>
    public static PostgresCluster For(string folder)
    {
        var bin = FindBinaries() ?? throw new PostgresBinariesMissingException();
        return new PostgresCluster(bin, folder);
    }

    public static string? FindBinaries() =>
        FindBinaries(Environment.GetEnvironmentVariable("PATH") ?? "", "/usr/lib/postgresql");

    /// <summary>The first PATH folder with initdb and pg_ctl, else the newest Debian/Ubuntu install.</summary>
    public static string? FindBinaries(string path, string debianRoot)
    {
        static bool HasServer(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var onPath = path.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(HasServer);
        if (onPath is not null) return onPath;
        if (!Directory.Exists(debianRoot)) return null;
        return Directory.GetDirectories(debianRoot)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault(HasServer);
    }

    /// <summary>What a throwaway (test) cluster trades for speed: nothing it holds needs to survive a crash.</summary>
    public const string ThrowawaySettings = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";

    /// <summary>Creates the cluster if its folder is empty, then starts it (or reuses a running one).</summary>
    public Task StartAsync(bool throwaway, CancellationToken ct = default) => StartAsync(throwaway, throwaway ? ThrowawaySettings : "", ct);

    /// <summary>Same, with the server settings given (<c>-c name=value</c> pairs), as the benchmark harness needs.</summary>
    public async Task StartAsync(bool throwaway, string serverSettings, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(SocketDirectory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (_runAsPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", Folder], asPostgres: false, ct);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            var initArgs = new List<string> { "-D", DataDirectory, "-U", OwnerRole, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8" };
            if (throwaway) initArgs.Add("--no-sync");
            await RunAsync(Path.Combine(_binDirectory, "initdb"), initArgs, asPostgres: true, ct);
        }

        if (await IsRunningAsync(ct)) return;

        var settings = $"-c listen_addresses='' -k {SocketDirectory} -p {SocketPort} -c unix_socket_permissions=0700 -c max_connections=200 {serverSettings}";
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-o", settings, "-w", "-t", "60", "start"], asPostgres: true, ct);
    }

    /// <summary>Creates the database and the application role when missing; the role may create its own schemas.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new Npgsql.NpgsqlConnection(OwnerConnectionString("postgres"));
        await connection.OpenAsync(ct);
        async Task<bool> Exists(string sql, string name)
        {
            await using var query = new Npgsql.NpgsqlCommand(sql, connection);
            query.Parameters.AddWithValue("name", name);
            return await query.ExecuteScalarAsync(ct) is not null;
        }
        async Task Execute(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        if (!await Exists("select 1 from pg_roles where rolname = @name", ApplicationRole))
        {
            await Execute($"create role {ApplicationRole} login nosuperuser nocreatedb nocreaterole");
        }
        if (!await Exists("select 1 from pg_database where datname = @name", database))
        {
            await Execute($"create database \"{database}\"");
        }
        await Execute($"grant connect, create, temporary on database \"{database}\" to {ApplicationRole}");
    }

    public void Stop()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))) return;
        // Pooled connections die with the server; drop them so a restart starts clean.
        Npgsql.NpgsqlConnection.ClearAllPools();
        RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asPostgres: true, default)
            .GetAwaiter().GetResult();
    }

    /// <summary>Stops the cluster and deletes its folder (throwaway clusters only).</summary>
    public void Destroy()
    {
        try { Stop(); }
        finally
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>
    /// Starts a detached shell that destroys this cluster once the given process has exited,
    /// however it exits (a killed test run included).
    /// </summary>
    public void DestroyWhenProcessExits(int processId)
    {
        var pgCtl = Path.Combine(_binDirectory, "pg_ctl");
        var stop = _runAsPostgresUser ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"while kill -0 {processId} 2>/dev/null; do sleep 1; done; " +
                     $"{stop} -D '{DataDirectory}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{Folder}'";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "bash", "-c", script }) start.ArgumentList.Add(a);
        Process.Start(start);
    }

    private async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var status = await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "status"], asPostgres: true, ct, throwOnError: false);
        return status == 0;
    }

    private async Task<int> RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, CancellationToken ct, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && _runAsPostgresUser ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asPostgres && _runAsPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
        return process.ExitCode;
    }
}

public sealed class PostgresBinariesMissingException() : Exception(
    "Serveur PostgreSQL introuvable : installez le paquet « postgresql » (sudo apt-get install postgresql), " +
    "ou indiquez une base avec ConnectionStrings__Parcours.\n" +
    "PostgreSQL server binaries not found: install the 'postgresql' package (sudo apt-get install postgresql), " +
    "or set ConnectionStrings__Parcours to use an existing server.");
