using ProcedureReference.Parsing;

namespace ProcedureReference.Search;

/// <summary>
/// Type-ahead over codes, titles and names, in memory: sorted arrays searched by binary search, so a keystroke
/// costs a few comparisons and no database round trip. When no code, title or name starts with what was typed,
/// lay words ('blood clot') and whole name words answer from the <see cref="LayWordIndex"/>: never a search.
/// Built once per content version from the pages and the synonyms alone.
/// </summary>
internal sealed class SuggestIndex
{
    /// <summary>How many entries one prefix may scan: enough for any sensible prefix, bounded for '1' or 'a'.</summary>
    private const int MaxScanned = 2000;

    private readonly PageEntry[] _pages;
    private readonly Key[] _codes;
    private readonly Key[] _words;
    private readonly LayWordIndex _lay;

    private SuggestIndex(PageEntry[] pages, Key[] codes, Key[] words, LayWordIndex lay)
    {
        _pages = pages;
        _codes = codes;
        _words = words;
        _lay = lay;
    }

    /// <summary>The lay-word part, for tests and measurements.</summary>
    internal LayWordIndex Lay => _lay;

    /// <param name="rows">Every page of one version in code order (ordinal, then id).</param>
    /// <param name="synonyms">The synonym groups searches use (content/synonyms.csv); none when null.</param>
    public static SuggestIndex Build(IEnumerable<SuggestRow> rows, Synonyms? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lay = new LayWordIndex.Builder();
        var pages = new List<PageEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var codes = new List<Key>();
        var words = new List<Key>();
        foreach (var row in rows)
        {
            var page = pages.Count;
            var title = row.Title;
            var name = row.Name;
            var otherNames = (row.CommonNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Concat(row.TechnicalTerm is null ? [] : [row.TechnicalTerm]);
            var pageWords = new HashSet<string>(StringComparer.Ordinal);

            codes.Add(new Key(row.Code.ToUpperInvariant(), page, 0, null));
            var sources = new List<(string? Text, int Rank, string? ShownName)> { (title, 0, null), (name, 1, null) };
            sources.AddRange(otherNames.Select(n => ((string?)n, 2, (string?)n)));
            foreach (var (text, rank, shownName) in sources)
            {
                lay.StartText();
                foreach (var typed in QueryTokens.Words(text))
                {
                    var word = lay.Add(typed, rank);
                    if (!seen.Add(word)) continue;
                    words.Add(new Key(word, page, rank, shownName));
                    pageWords.Add(word);
                }
                seen.Clear();
            }
            lay.EndPage();
            pages.Add(new PageEntry(row.Code, title, name, Reading.PlainName.Of(title, name, row.CommonNames), [.. pageWords]));
        }
        var byText = Comparer<Key>.Create((a, b) => string.CompareOrdinal(a.Text, b.Text) is var c and not 0 ? c : a.Page.CompareTo(b.Page));
        return new([.. pages], [.. codes.Order(byText)], [.. words.Order(byText)], lay.Build(synonyms ?? Synonyms.Empty));
    }

    /// <summary>
    /// Codes starting with the prefix (in code order), then pages with a title or name word starting with its last
    /// word and words starting with each earlier word ('venous thr'): title matches before name matches, then code order.
    /// When that finds nothing and letters were typed, the lay words and name words of <see cref="LayWordIndex"/>.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit)
    {
        var trimmed = prefix.Length > QueryTokens.MaxQueryChars ? prefix[..QueryTokens.MaxQueryChars].Trim() : prefix.Trim();
        var chosen = new List<(int Page, string? Name)>();

        var codePrefix = Codes.ProcedureCode.TryParse(trimmed, out var code) ? code.ToString() : "";
        if (codePrefix.Length is > 0 and <= 12)
        {
            foreach (var key in StartingWith(_codes, codePrefix).OrderBy(k => k.Page).Take(limit))
                chosen.Add((key.Page, null));
        }

        var words = QueryTokens.OfQuery(trimmed);
        if (words.Count > 0 && chosen.Count < limit)
        {
            var earlier = words.Take(words.Count - 1).ToList();
            var matches = StartingWith(_words, words[^1])
                .Where(k => chosen.TrueForAll(c => c.Page != k.Page))
                .Where(k => earlier.TrueForAll(w => HasWordStartingWith(_pages[k.Page].Words, w)))
                .GroupBy(k => k.Page)
                .Select(g => g.MinBy(k => k.Rank)!)
                .OrderBy(k => k.Rank).ThenBy(k => k.Page)
                .Take(limit - chosen.Count);
            chosen.AddRange(matches.Select(k => (k.Page, k.ShownName)));
        }

        if (chosen.Count == 0 && trimmed.Any(char.IsLetter))
        {
            // Lay words ('blood clot') start no title or name: the pages of their synonym groups instead.
            return _lay.Find(trimmed, limit).Select(page => new Suggestion(_pages[page].Code, _pages[page].Title, null, _pages[page].PlainName)).ToList();
        }
        return chosen.Select(c => new Suggestion(_pages[c.Page].Code, _pages[c.Page].Title, c.Name ?? _pages[c.Page].Name, _pages[c.Page].PlainName)).ToList();
    }

    /// <summary>The keys whose text starts with <paramref name="prefix"/>: binary search to the first, then a bounded scan.</summary>
    private static List<Key> StartingWith(Key[] keys, string prefix)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(keys[mid].Text, prefix) < 0) low = mid + 1;
            else high = mid;
        }
        var found = new List<Key>();
        for (var i = low; i < keys.Length && found.Count < MaxScanned && keys[i].Text.StartsWith(prefix, StringComparison.Ordinal); i++)
            found.Add(keys[i]);
        return found;
    }

    private static bool HasWordStartingWith(string[] words, string prefix) =>
        Array.Exists(words, w => w.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>A searchable text (a code or a word) of a page; rank 0 title, 1 name, 2 common name or technical term.</summary>
    private readonly record struct Key(string Text, int Page, int Rank, string? ShownName);

    private sealed record PageEntry(string Code, string Title, string? Name, string PlainName, string[] Words);
}

/// <summary>One page as type-ahead reads it; <paramref name="CommonNames"/> one per line.</summary>
internal sealed record SuggestRow(string Code, string Title, string? Name, string? CommonNames, string? TechnicalTerm);
