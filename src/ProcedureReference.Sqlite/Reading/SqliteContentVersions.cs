using Microsoft.Data.Sqlite;
using ProcedureReference.Reading;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The content version of a SQLite reference: a publish (in this process or from the command line) renames a new
/// file over the live one, so a new write time or length of the live file is a new version. On a switch, pooled
/// connections are dropped so the next reader opens the new file; reads already running finish on the file they
/// opened, so none sees a mix.
/// </summary>
public sealed class SqliteContentVersions(SqliteOptions options) : IContentVersions
{
    private static readonly long CheckIntervalMs = (long)TimeSpan.FromSeconds(1).TotalMilliseconds;
    private readonly Lock _gate = new();
    private FileStamp _stamp = FileStamp.Of(options.DatabasePath);
    private long _id = 1;
    private long _nextCheck = Environment.TickCount64 + CheckIntervalMs;

    public event Action<ContentVersion>? Changed;

    public ContentVersion Live
    {
        get
        {
            Check(force: false);
            return new ContentVersion(Interlocked.Read(ref _id));
        }
    }

    public void Refresh() => Check(force: true);

    private void Check(bool force)
    {
        var now = Environment.TickCount64;
        if (!force && now < Interlocked.Read(ref _nextCheck)) return;
        lock (_gate)
        {
            if (!force && now < _nextCheck) return;
            Interlocked.Exchange(ref _nextCheck, now + CheckIntervalMs);
            var stamp = FileStamp.Of(options.DatabasePath);
            if (stamp == _stamp) return;
            _stamp = stamp;
            SqliteConnection.ClearAllPools();
            var version = new ContentVersion(_id + 1);
            // Before the version is visible: whoever sees it finds the caches of the old content gone.
            Changed?.Invoke(version);
            Interlocked.Exchange(ref _id, version.Id);
        }
    }

    private readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new(info.LastWriteTimeUtc, info.Length) : default;
        }
    }
}
