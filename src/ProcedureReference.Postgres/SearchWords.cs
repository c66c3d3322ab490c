using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>
/// The did-you-mean vocabulary of a version as it is written: every word of the pages' searchable text, split and
/// lower-cased by the same <see cref="QueryTokens.Words"/> the SQLite side's <see cref="Vocabulary"/> uses (letters
/// only), with the number of pages it is on; so both engines offer the same corrections.
/// </summary>
internal sealed class SearchWords
{
    private readonly Dictionary<string, int> _pageCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _onPage = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> PageCounts => _pageCounts;

    /// <summary>Counts the words of one page's searchable texts (descriptor, names, sections; null for none).</summary>
    public void AddPage(IEnumerable<object?> texts)
    {
        _onPage.Clear();
        foreach (var text in texts)
        {
            if (text is not string value) continue;
            foreach (var word in QueryTokens.Words(value))
                if (word.All(char.IsLetter)) _onPage.Add(word);
        }
        foreach (var word in _onPage) _pageCounts[word] = _pageCounts.GetValueOrDefault(word) + 1;
    }
}
