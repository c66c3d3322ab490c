namespace ProcedureReference.Search;

/// <summary>
/// The words of the reference as written (not stemmed), with the number of pages each appears on, for
/// did-you-mean. FTS5's own vocabulary (fts5vocab) holds porter stems ('thrombectomi'), which are poor to
/// suggest and awkward to compare with a misspelling; reading the indexed text once per content version gives
/// real words. Built in the background once per version (see <see cref="VersionCache{T}"/>).
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>Shorter words are left alone: at one or two letters every guess is as good as any other.</summary>
    private const int MinCorrectableLength = 3;

    private readonly Dictionary<string, int> _pageCounts;
    private readonly string[] _sorted;

    private Vocabulary(Dictionary<string, int> pageCounts)
    {
        _pageCounts = pageCounts;
        _sorted = [.. pageCounts.Keys.Order(StringComparer.Ordinal)];
    }

    /// <param name="pages">Per page, its searchable texts (descriptor, names, sections; null for none).</param>
    public static Vocabulary Build(IEnumerable<IEnumerable<string?>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var onPage = new HashSet<string>(StringComparer.Ordinal);
        foreach (var texts in pages)
        {
            onPage.Clear();
            foreach (var text in texts)
            {
                if (text is null) continue;
                foreach (var word in QueryTokens.Words(text))
                    if (word.All(char.IsLetter)) onPage.Add(word);
            }
            foreach (var word in onPage) counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return new(counts);
    }

    public bool Contains(string word) => _pageCounts.ContainsKey(word);

    /// <summary>Whether some word starts with <paramref name="prefix"/> (the last word of a query may be unfinished).</summary>
    public bool HasPrefix(string prefix)
    {
        var index = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        if (index >= 0) return true;
        index = ~index;
        return index < _sorted.Length && _sorted[index].StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The <paramref name="max"/> words starting with <paramref name="prefix"/> on the most pages (ties: alphabetical),
    /// most first; with the count of all the words that start with it. An unfinished last word is searched as these
    /// words: FTS5 has no index for a prefix of four letters or more, and merges every term it starts (with their
    /// positions) at each statement of a search, which cost hundreds of milliseconds at 100,000 pages ('trea').
    /// </summary>
    public (List<string> Words, int Of) Completions(string prefix, int max)
    {
        var index = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        if (index < 0) index = ~index;
        var all = new List<string>();
        for (var i = index; i < _sorted.Length && _sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++) all.Add(_sorted[i]);
        var top = all.OrderByDescending(w => _pageCounts[w]).ThenBy(w => w, StringComparer.Ordinal).Take(max).ToList();
        return (top, all.Count);
    }

    /// <summary>
    /// The nearest known word to <paramref name="word"/>, or null when it is known, too short, or nothing is near:
    /// at most one edit for words of up to five letters, two for longer ones; the nearest wins, then the word on
    /// the most pages, then the alphabetically first (so the answer does not depend on hash order).
    /// </summary>
    public string? Correct(string word)
    {
        if (word.Length < MinCorrectableLength || Contains(word) || !word.All(char.IsLetter)) return null;
        var max = word.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = max + 1;
        var bestCount = 0;
        foreach (var candidate in _sorted)
        {
            var distance = EditDistance.Bounded(word, candidate, max);
            if (distance > max) continue;
            var count = _pageCounts[candidate];
            if (distance < bestDistance || (distance == bestDistance && count > bestCount))
                (best, bestDistance, bestCount) = (candidate, distance, count);
        }
        return best;
    }
}
