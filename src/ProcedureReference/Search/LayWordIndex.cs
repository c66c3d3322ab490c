using System.Buffers;

namespace ProcedureReference.Search;

/// <summary>
/// The type-ahead's answer when no title or name starts with what was typed: lay words ('blood clot', 'numbing')
/// and whole name words, looked up in memory instead of running a search. It holds, for every word of the pages'
/// titles, names, common names and technical terms, the pages it is on (with the best field it is in), and for
/// every synonym group (synonyms.csv) whose entries occur in those names, the pages of the group: one posting list
/// per term, all in two flat arrays (page ids and field ranks), built once per content version with
/// <see cref="SuggestIndex"/>.
/// <para>
/// A query is split into units as a search splits it (the longest synonym phrase first; stop words left out, a
/// misspelt word corrected to the nearest name word); its unfinished last word or phrase completes to
/// the synonym entries and name words it starts ('blood c' is 'blood clot'). A unit's pages are its own group's
/// (or word's), then, a level below, those of related groups: groups with an entry holding one of its words
/// ('clot' → 'clot removal', 'lung clot'). Pages must match every unit, and every word typed must be a unit or a
/// stop word (a word found only in page text suggests nothing here); they come title matches first, then name,
/// then other names, then the related groups' pages, each in code order. Each unit costs one pass over its
/// posting lists.
/// </para>
/// </summary>
internal sealed partial class LayWordIndex
{
    /// <summary>Field ranks per level: 0 title, 1 name, 2 common name or technical term.</summary>
    private const int Ranks = 3;

    /// <summary>Levels: 0 the unit's own words or group, 1 related groups.</summary>
    private const int Levels = 2;

    /// <summary>How many name words an unfinished last word may complete to ('ang' → angiogram, angioplasty, ...).</summary>
    private const int MaxCompletions = 16;

    /// <summary>
    /// Shorter words are left alone: this index knows only the names' words, so a real word of the page text
    /// ('will', 'stuffy') must not be taken for a misspelt name word ('wall', 'study').
    /// </summary>
    private const int MinCorrectableLength = 5;

    /// <summary>Words that narrow nothing: the search's own stop words, which it leaves out too.</summary>
    private static readonly HashSet<string> StopWords = QueryPlan.StopWords;

    private readonly int _pageCount;
    private readonly Synonyms _synonyms;

    /// <summary>The distinct name words, sorted (ordinal): term i is word i.</summary>
    private readonly string[] _words;

    /// <summary>Posting lists: term t's pages are <c>_pages[_starts[t].._starts[t + 1]]</c>, ascending; words first, then groups.</summary>
    private readonly int[] _starts;

    private readonly int[] _pages;

    /// <summary>Per posting, the best field the term is in on that page (0 title, 1 name, 2 other names).</summary>
    private readonly byte[] _ranks;

    /// <summary>Synonym entries (words joined by one space) whose group has pages, sorted, with their group's term.</summary>
    private readonly string[] _entries;

    private readonly int[] _entryTerms;

    /// <summary>Per group (term - word count): the related groups' terms.</summary>
    private readonly int[][] _related;

    private LayWordIndex(int pageCount, Synonyms synonyms, string[] words, int[] starts, int[] pages, byte[] ranks,
        string[] entries, int[] entryTerms, int[][] related)
    {
        _pageCount = pageCount;
        _synonyms = synonyms;
        _words = words;
        _starts = starts;
        _pages = pages;
        _ranks = ranks;
        _entries = entries;
        _entryTerms = entryTerms;
        _related = related;
    }

    /// <summary>Postings held: a measure of the index's size (5 bytes each).</summary>
    public int PostingCount => _pages.Length;

    /// <summary>Distinct name words and synonym groups with pages.</summary>
    public (int Words, int Groups) TermCounts => (_words.Length, _related.Length);

    /// <summary>
    /// Up to <paramref name="limit"/> page numbers for <paramref name="text"/> (trimmed), best first; empty when no
    /// unit of it is a lay word or name word.
    /// </summary>
    public List<int> Find(string text, int limit)
    {
        var words = QueryTokens.OfQuery(text).ToList();
        if (words.Count == 0 || _pageCount == 0) return [];

        // Every word typed must be accounted for (a name word, a lay word with pages, a stop word): a word found in
        // no name would otherwise be silently left out, and 'trouble brea' would suggest breast procedures. Only when
        // the last word is whole and known ('broken wrist', 'stuffy nose') are earlier words found in no name left
        // out: what was typed last then says what is meant.
        var units = new List<List<(int Term, int Level)>>();
        var consumed = Tail(words, units, out var whole);
        if (consumed < 0) return [];
        var earlier = words.GetRange(0, words.Count - consumed);
        var tailUnits = units.Count;
        if (!Earlier(earlier, units, skipUnknown: false))
        {
            if (!whole || tailUnits == 0) return [];
            units.RemoveRange(tailUnits, units.Count - tailUnits);
            Earlier(earlier, units, skipUnknown: true);
        }
        return units.Count == 0 ? [] : Match(units, limit);
    }

    /// <summary>
    /// The unit of the unfinished end of the query: synonym entries that the last one to three words start (the
    /// longest that any entry starts), and name words that the last word starts. Returns how many words it took
    /// (a one-letter or stop word alone: taken, with no unit), or -1 when nothing matches it; <paramref name="whole"/>
    /// when what it took is itself a name word or a synonym entry.
    /// </summary>
    private int Tail(List<string> words, List<List<(int Term, int Level)>> units, out bool whole)
    {
        whole = false;
        for (var take = Math.Min(Synonyms.MaxPhraseWords, words.Count); take >= 1; take--)
        {
            var phrase = string.Join(' ', words.Skip(words.Count - take));
            var last = words[^1];
            // A one-letter last word alone completes to too much; after other words ('blood c') it is a phrase.
            // A stop word alone narrows nothing ('blood clot in').
            if (take == 1 && (last.Length < 2 || (words.Count > 1 && StopWords.Contains(last)))) return 1;

            var unit = new List<(int Term, int Level)>();
            EntryStarting(phrase, unit);
            if (take == 1)
            {
                var from = LowerBound(_words, last);
                for (var i = from; i < _words.Length && i - from < MaxCompletions && _words[i].StartsWith(last, StringComparison.Ordinal); i++)
                    unit.Add((i, 0));
                if (unit.Count == 0 && Correct(last) is { } corrected)
                {
                    EntryStarting(corrected, unit);
                    var index = Array.BinarySearch(_words, corrected, StringComparer.Ordinal);
                    if (index >= 0) unit.Add((index, 0));
                }
            }
            if (unit.Count == 0) continue;
            AddRelated(unit);
            units.Add(unit);
            whole = Array.BinarySearch(_entries, phrase, StringComparer.Ordinal) >= 0
                || (take == 1 && Array.BinarySearch(_words, last, StringComparer.Ordinal) >= 0);
            return take;
        }
        return -1;
    }

    /// <summary>
    /// Adds the groups of the entries starting with <paramref name="phrase"/>: all at level 0, unless one is the
    /// phrase itself, which is then the only one at level 0 (the others follow as related).
    /// </summary>
    private void EntryStarting(string phrase, List<(int Term, int Level)> unit)
    {
        var from = LowerBound(_entries, phrase);
        var exact = from < _entries.Length && _entries[from] == phrase;
        for (var i = from; i < _entries.Length && _entries[i].StartsWith(phrase, StringComparison.Ordinal); i++)
        {
            // The typed last word may be unfinished ('blood c' → 'blood clot') or the entry may go on ('clot' → 'clot removal').
            unit.Add((_entryTerms[i], exact && _entryTerms[i] != _entryTerms[from] ? 1 : 0));
        }
    }

    /// <summary>
    /// The finished words before the tail: synonym phrases (longest first), name words, corrected misspellings;
    /// false when one of them is none of these (a lay word whose group is in no name, a word only in page text).
    /// </summary>
    /// <param name="skipUnknown">Leave such words out instead of answering false.</param>
    private bool Earlier(List<string> words, List<List<(int Term, int Level)>> units, bool skipUnknown)
    {
        for (var i = 0; i < words.Count;)
        {
            if (_synonyms.TryMatch(words, i, out var length, out _))
            {
                var phrase = string.Join(' ', words.Skip(i).Take(length));
                var index = Array.BinarySearch(_entries, phrase, StringComparer.Ordinal);
                if (index < 0)
                {
                    if (!skipUnknown) return false;
                    i += length;
                    continue;
                }
                var unit = new List<(int Term, int Level)> { (_entryTerms[index], 0) };
                AddRelated(unit);
                units.Add(unit);
                i += length;
                continue;
            }
            var word = words[i++];
            if (StopWords.Contains(word)) continue;
            var found = Array.BinarySearch(_words, word, StringComparer.Ordinal);
            if (found >= 0)
            {
                units.Add([(found, 0)]);
                continue;
            }
            if (Correct(word) is not { } corrected)
            {
                if (!skipUnknown) return false;
                continue;
            }
            var entry = Array.BinarySearch(_entries, corrected, StringComparer.Ordinal);
            if (entry >= 0)
            {
                var unit = new List<(int Term, int Level)> { (_entryTerms[entry], 0) };
                AddRelated(unit);
                units.Add(unit);
            }
            else units.Add([(Array.BinarySearch(_words, corrected, StringComparer.Ordinal), 0)]);
        }
        return true;
    }

    /// <summary>The related groups of the unit's level-0 groups, at level 1.</summary>
    private void AddRelated(List<(int Term, int Level)> unit)
    {
        var count = unit.Count;
        for (var i = 0; i < count; i++)
        {
            if (unit[i].Level != 0 || unit[i].Term < _words.Length) continue;
            foreach (var other in _related[unit[i].Term - _words.Length]) unit.Add((other, 1));
        }
    }

    /// <summary>
    /// The nearest name word or one-word synonym entry to a word found in neither, one edit away (a letter typed
    /// wrong, left out, added or swapped), among the words with the same first letter; ties go to the word on the
    /// most pages.
    /// </summary>
    private string? Correct(string word)
    {
        if (word.Length < MinCorrectableLength || !word.All(char.IsLetter)) return null;
        const int max = 1;
        string? best = null;
        int bestDistance = max + 1, bestCount = 0;
        var first = word[..1];
        for (var i = LowerBound(_words, first); i < _words.Length && _words[i].StartsWith(first, StringComparison.Ordinal); i++)
            Consider(_words[i], _starts[i + 1] - _starts[i]);
        for (var i = LowerBound(_entries, first); i < _entries.Length && _entries[i].StartsWith(first, StringComparison.Ordinal); i++)
        {
            if (_entries[i].Contains(' ', StringComparison.Ordinal)) continue;
            var term = _entryTerms[i];
            Consider(_entries[i], _starts[term + 1] - _starts[term]);
        }
        return best;

        void Consider(string candidate, int count)
        {
            if (Math.Abs(candidate.Length - word.Length) > max) return;
            var distance = EditDistance.Bounded(word, candidate, max);
            if (distance > max) return;
            if (distance < bestDistance || (distance == bestDistance && (count > bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0))))
                (best, bestDistance, bestCount) = (candidate, distance, count);
        }
    }

    /// <summary>
    /// The best pages matching every unit: each unit marks its pages with its best grade (level × ranks + field
    /// rank, plus one) in a page-sized array; the most selective unit's pages are then read in page order and
    /// graded by their worst unit, until the best grade has enough.
    /// </summary>
    private List<int> Match(List<List<(int Term, int Level)>> units, int limit)
    {
        units.Sort((a, b) => Size(a).CompareTo(Size(b)));
        var marks = new byte[units.Count][];
        try
        {
            for (var u = 0; u < units.Count; u++)
            {
                var mark = marks[u] = ArrayPool<byte>.Shared.Rent(_pageCount);
                Array.Clear(mark, 0, _pageCount);
                foreach (var (term, level) in units[u])
                {
                    for (var i = _starts[term]; i < _starts[term + 1]; i++)
                    {
                        var grade = (byte)(level * Ranks + _ranks[i] + 1);
                        ref var at = ref mark[_pages[i]];
                        if (at == 0 || grade < at) at = grade;
                    }
                }
            }

            var driver = marks[0].AsSpan(0, _pageCount);

            var buckets = new List<int>[Levels * Ranks];
            for (var b = 0; b < buckets.Length; b++) buckets[b] = [];
            for (var page = Next(driver, 0); page >= 0; page = Next(driver, page + 1))
            {
                var grade = 0;
                foreach (var mark in marks)
                {
                    if (mark[page] == 0) { grade = -1; break; }
                    grade = Math.Max(grade, mark[page]);
                }
                if (grade <= 0) continue;
                var bucket = buckets[grade - 1];
                if (bucket.Count < limit) bucket.Add(page);
                if (buckets[0].Count >= limit) break;
            }
            return [.. buckets.SelectMany(b => b).Take(limit)];
        }
        finally
        {
            foreach (var mark in marks)
                if (mark is not null) ArrayPool<byte>.Shared.Return(mark);
        }

        int Size(List<(int Term, int Level)> unit) => unit.Sum(p => _starts[p.Term + 1] - _starts[p.Term]);
    }

    /// <summary>The first marked page at or after <paramref name="from"/>, or -1.</summary>
    private static int Next(Span<byte> marks, int from)
    {
        if (from >= marks.Length) return -1;
        var offset = marks[from..].IndexOfAnyExcept((byte)0);
        return offset < 0 ? -1 : from + offset;
    }

    /// <summary>The first index whose text is at or after <paramref name="prefix"/> (ordinal).</summary>
    private static int LowerBound(string[] sorted, string prefix)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(sorted[mid], prefix) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
