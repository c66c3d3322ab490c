using System.Diagnostics.CodeAnalysis;
using ProcedureReference.Reading;

namespace ProcedureReference.Search;

/// <summary>
/// Holds one value derived from the live content (a page table, the suggestion index, the spelling vocabulary)
/// for the version it was built from, and builds it again when <see cref="IContentVersions"/> reports another.
/// </summary>
internal sealed class VersionCache<T> where T : class
{
    private readonly Lock _gate = new();
    private readonly Lock _buildGate = new();
    private ContentVersion _version;
    private T? _value;

    /// <summary>
    /// The value for <paramref name="version"/>, built by <paramref name="build"/> when missing or of another
    /// version. Take the version before reading the content: a publish during the build is then noticed at the
    /// next call, which builds again.
    /// </summary>
    public T Get(ContentVersion version, Func<T> build)
    {
        if (TryGet(version, out var value)) return value;
        // One build at a time, outside the readers' lock: 256 readers arriving together at a new version must not
        // each build a 100,000-page table (they did, and the site stalled for seconds). Whoever waited finds the
        // value built and returns it.
        lock (_buildGate)
        {
            if (TryGet(version, out value)) return value;
            value = build();
            lock (_gate)
            {
                (_version, _value) = (version, value);
            }
            return value;
        }
    }

    /// <summary>The value for <paramref name="version"/> if one is built; never builds.</summary>
    public bool TryGet(ContentVersion version, [NotNullWhen(true)] out T? value)
    {
        lock (_gate)
        {
            value = _version == version ? _value : null;
            return value is not null;
        }
    }
}
