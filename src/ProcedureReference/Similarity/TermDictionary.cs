namespace ProcedureReference.Similarity;

/// <summary>
/// Terms as small integers, so a page's vector is two compact arrays instead of strings. Keeps, per term, the
/// first way it was written ('veins' for the term 'vein'), which is what a reason shows a reader, and how many
/// pages use it (its document frequency, for IDF).
/// </summary>
internal sealed class TermDictionary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _surfaces = [];
    private int[] _pageCounts = new int[1024];

    public TermDictionary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _surfaces.Count;

    public int GetOrAdd(ReadOnlySpan<char> term, ReadOnlySpan<char> surface)
    {
        if (_lookup.TryGetValue(term, out var id)) return id;
        id = _surfaces.Count;
        _lookup[term] = id;
        _surfaces.Add(surface.ToString());
        if (id == _pageCounts.Length) Array.Resize(ref _pageCounts, _pageCounts.Length * 2);
        return id;
    }

    /// <summary>Looks a term up without adding it (safe to call from many threads once adding is over).</summary>
    public bool TryGet(ReadOnlySpan<char> term, out int id) => _lookup.TryGetValue(term, out id);

    public string Surface(int id) => _surfaces[id];

    /// <summary>Counts one more page that uses the term.</summary>
    public void CountPage(int id) => _pageCounts[id]++;

    /// <summary>How many pages use the term.</summary>
    public int PageCount(int id) => _pageCounts[id];
}
