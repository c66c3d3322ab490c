using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ProcedureReference.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from the installed server binaries: initdb into a temp folder, pg_ctl on a free
/// loopback port (as the postgres user when the tests run as root: the server refuses to run as root), stopped by
/// its process when the test run ends. <see cref="Shared"/> is one cluster for the whole run, each test class taking a
/// database of its own (<see cref="CreateDatabase"/>); a test that stops the server starts one of its own
/// (<see cref="Start"/>). No container engine is needed, or used.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string RequireVariable = "PROCREF_REQUIRE_POSTGRES";

    private static readonly Lazy<PostgresServer> SharedServer = new(() =>
    {
        var server = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    });

    private readonly string _folder;
    private readonly string _bin;
    private readonly FileStream _ownerLock;
    private bool _disposed;

    private PostgresServer(string bin, string folder, int port, FileStream ownerLock)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _ownerLock = ownerLock;
    }

    /// <summary>The cluster every test class of this run shares, started at first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public int Port { get; }

    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Why PostgreSQL cannot be run here, or null when it can.</summary>
    public static string? Missing()
    {
        if (FindBin() is null) return "PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin; apt-get install postgresql)";
        if (RunningAsRoot && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser")) return "runuser, to run the server as the postgres user";
        return null;
    }

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>A new cluster of its own, for a test that stops and starts the server.</summary>
    public static PostgresServer Start()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("missing: " + Missing());
        RemoveStale();
        // The folder gets its name once its owner lock is held, so no other run ever sees it unlocked.
        var building = Path.Combine(Path.GetTempPath(), "procref-pg-new-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(building);
        var ownerLock = new FileStream(Path.Combine(building, OwnerLockFile), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.Move(building, folder);
        if (RunningAsRoot) Run("chown", ["postgres", folder]);
        var server = new PostgresServer(bin, folder, FreePort(), ownerLock);
        server.Pg("initdb", "-D", server.DataFolder, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions");
        server.StartServer();
        return server;
    }

    /// <summary>
    /// Starts the stopped server again on the same port and data. fsync is off (a test machine's crash may lose the
    /// cluster, which is thrown away anyway); a commit still reaches the kernel before it returns, so a killed server
    /// keeps it.
    /// </summary>
    public void StartServer() =>
        Pg("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
            "start");

    /// <summary>Stops the server at once (as a crash would), keeping its data.</summary>
    public void StopServer() => Pg("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    /// <summary>A fresh, empty database; dropped (with its connections) when the returned handle is disposed.</summary>
    public PostgresDatabase CreateDatabase()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE {name}");
        return new PostgresDatabase(this, name);
    }

    internal void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Pg("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        NpgsqlConnection.ClearAllPools();
        _ownerLock.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left behind: the next run's RemoveStale takes it */ }
    }

    private void Pg(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (RunningAsRoot) Run("runuser", ["-u", "postgres", "--", path, .. args]);
        else Run(path, args);
    }

    private const string FolderPrefix = "procref-pg-";

    private const string OwnerLockFile = "owner.lock";

    /// <summary>
    /// Removes the clusters of earlier runs that are gone (killed, or ended before their clean-up finished): a run
    /// holds its folder's owner lock for as long as it lives (an advisory lock the kernel drops with the process),
    /// so a folder whose lock can be taken is nobody's; its server, if one was left running, is stopped first.
    /// </summary>
    private static void RemoveStale()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                using (new FileStream(Path.Combine(folder, OwnerLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                    var data = Path.Combine(folder, "data");
                    if (File.Exists(Path.Combine(data, "postmaster.pid")) && FindBin() is { } bin)
                    {
                        try { new PostgresServer(bin, folder, 0, null!).Pg("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"); }
                        catch (InvalidOperationException) { /* not running */ }
                    }
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // held by a live run, or half gone: not ours to remove
            }
            catch (UnauthorizedAccessException)
            {
                // someone else's
            }
        }
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static string? FindBin() =>
        (Environment.GetEnvironmentVariable("PROCREF_PG_BIN") is { Length: > 0 } configured ? [configured] :
            Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : [])
        .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a tool to its end (ten minutes at most: a bound on a hang, not a timing); throws with its output when it fails.</summary>
    private static void Run(string command, string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} did not finish");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}");
    }
}

/// <summary>A database of its own for one test class, dropped with whatever is still connected to it.</summary>
public sealed class PostgresDatabase(PostgresServer server, string name) : IDisposable
{
    public string Name => name;

    public string ConnectionString => server.ConnectionString(name);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        server.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
