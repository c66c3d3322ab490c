namespace ProcedureReference.Search;

/// <summary>
/// Holds one value derived from a database file (the spelling vocabulary, the suggestion index) per file,
/// rebuilt when the file's last write time or length changes. An import publishes a new file by renaming it
/// over the live one, so either changes at each import. Shared across index instances: a web host may create
/// one per request, and the values are costly to build but small to keep.
/// </summary>
internal sealed class FileSnapshotCache<T> where T : class
{
    private readonly Dictionary<string, (FileStamp Stamp, T Value)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Lock _buildGate = new();

    /// <summary>
    /// The value for <paramref name="path"/>, built by <paramref name="build"/> when missing or stale. The stamp
    /// is taken before building, so a file replaced during a build is noticed at the next call.
    /// </summary>
    public T Get(string path, Func<T> build)
    {
        var stamp = FileStamp.Of(path);
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp) return entry.Value;
        }
        // One build at a time, outside the readers' lock: 256 readers arriving together at a new file must not
        // each build a 100,000-page table (they did, and the site stalled for seconds). Whoever waited finds the
        // value built and returns it.
        lock (_buildGate)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp) return entry.Value;
            }
            var value = build();
            lock (_gate)
            {
                _entries[path] = (stamp, value);
            }
            return value;
        }
    }

    /// <summary>The value for <paramref name="path"/> if one is built and current; never builds.</summary>
    public bool TryGet(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
    {
        var stamp = FileStamp.Of(path);
        lock (_gate)
        {
            value = _entries.TryGetValue(path, out var entry) && entry.Stamp == stamp ? entry.Value : null;
            return value is not null;
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
