using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Notices when an import (in this process or from the command line) has renamed a new database over the
/// live one, and drops pooled connections so the next request reads the new file. Requests already running
/// finish on the file they opened: no request sees a mix.
/// </summary>
public sealed class LiveDatabase(ReferenceOptions options)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private DateTime _lastWrite = File.GetLastWriteTimeUtc(options.DatabasePath);
    private long _nextCheck;

    /// <summary>Bumped at each switch.</summary>
    public int Version { get; private set; }

    /// <summary>Raised after a switch, so caches of the old content can be dropped.</summary>
    public event Action? Switched;

    public string Path => options.DatabasePath;

    /// <param name="force">Look now, not at most once a second (after a publish in this process).</param>
    public void CheckForNewContent(bool force = false)
    {
        var now = Environment.TickCount64;
        if (!force && now < Interlocked.Read(ref _nextCheck)) return;
        lock (_gate)
        {
            if (!force && now < _nextCheck) return;
            _nextCheck = now + (long)CheckInterval.TotalMilliseconds;
            var lastWrite = File.GetLastWriteTimeUtc(options.DatabasePath);
            if (lastWrite == _lastWrite) return;
            _lastWrite = lastWrite;
            Version++;
            SqliteFiles.Release(options.DatabasePath);
            SqliteConnection.ClearAllPools();
        }
        Switched?.Invoke();
    }
}
