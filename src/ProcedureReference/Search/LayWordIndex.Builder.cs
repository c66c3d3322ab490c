namespace ProcedureReference.Search;

internal sealed partial class LayWordIndex
{
    /// <summary>
    /// Collects the name words of each page in turn: <see cref="Add"/> each word with its field, then
    /// <see cref="EndPage"/>; pages are numbered in the order they end.
    /// </summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _byId = [];
        private readonly Dictionary<int, byte> _page = [];
        private int[] _terms = new int[1 << 16];
        private int[] _postingPages = new int[1 << 16];
        private byte[] _postingRanks = new byte[1 << 16];
        private int _count;
        private int _pageCount;

        /// <summary>Adjacent name words (two and three), to find the synonym entries of more than one word.</summary>
        private readonly HashSet<(int, int, int)> _phrases = [];
        private int _previous = -1, _beforePrevious = -1;

        /// <summary>The next name text of the page begins: phrases do not run across texts.</summary>
        public void StartText() => _previous = _beforePrevious = -1;

        /// <summary>
        /// The next word of the current text (as read, repeats included), in a field of <paramref name="rank"/>.
        /// Returns the one string held for that word, so that a caller keeping words keeps each once.
        /// </summary>
        public string Add(string word, int rank)
        {
            if (!_ids.TryGetValue(word, out var id))
            {
                id = _byId.Count;
                _ids.Add(word, id);
                _byId.Add(word);
            }
            _page[id] = _page.TryGetValue(id, out var best) ? Math.Min(best, (byte)rank) : (byte)rank;
            if (_previous >= 0)
            {
                _phrases.Add((_previous, id, -1));
                if (_beforePrevious >= 0) _phrases.Add((_beforePrevious, _previous, id));
            }
            (_beforePrevious, _previous) = (_previous, id);
            return _byId[id];
        }

        public void EndPage()
        {
            if (_count + _page.Count > _terms.Length)
            {
                var size = Math.Max(_terms.Length * 2, _count + _page.Count);
                Array.Resize(ref _terms, size);
                Array.Resize(ref _postingPages, size);
                Array.Resize(ref _postingRanks, size);
            }
            foreach (var (term, rank) in _page)
            {
                _terms[_count] = term;
                _postingPages[_count] = _pageCount;
                _postingRanks[_count] = rank;
                _count++;
            }
            _page.Clear();
            _pageCount++;
        }

        public LayWordIndex Build(Synonyms synonyms)
        {
            // Words sorted, for completion by prefix; postings grouped by word with a counting sort, which keeps
            // each word's pages in page order.
            var words = _byId.ToArray();
            var order = Enumerable.Range(0, words.Length).ToArray();
            Array.Sort(words, order, StringComparer.Ordinal);
            var newId = new int[words.Length];
            for (var i = 0; i < order.Length; i++) newId[order[i]] = i;

            var wordStarts = new int[words.Length + 1];
            for (var i = 0; i < _count; i++) wordStarts[newId[_terms[i]] + 1]++;
            for (var t = 0; t < words.Length; t++) wordStarts[t + 1] += wordStarts[t];
            var pages = new List<int>(_count);
            var ranks = new List<byte>(_count);
            var wordPages = new int[_count];
            var wordRanks = new byte[_count];
            var next = (int[])wordStarts.Clone();
            for (var i = 0; i < _count; i++)
            {
                var at = next[newId[_terms[i]]]++;
                wordPages[at] = _postingPages[i];
                wordRanks[at] = _postingRanks[i];
            }
            _terms = _postingPages = [];
            _postingRanks = [];
            pages.AddRange(wordPages);
            ranks.AddRange(wordRanks);
            var starts = new List<int>(wordStarts);

            // The synonym groups reachable from the names: the entries of each name word's and each two- or
            // three-word name phrase's group, and each of those entries' own group (an entry on two lines has the
            // union of both).
            var entries = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var word in words)
                foreach (var entry in synonyms.GroupOf(word)) entries.Add(entry);
            foreach (var (first, second, third) in _phrases)
            {
                var phrase = third < 0 ? $"{_byId[first]} {_byId[second]}" : $"{_byId[first]} {_byId[second]} {_byId[third]}";
                foreach (var entry in synonyms.GroupOf(phrase)) entries.Add(entry);
            }
            _phrases.Clear();
            var groupTerms = new Dictionary<string, int>(StringComparer.Ordinal);
            var groupMembers = new List<IReadOnlyList<string>>();
            var entryList = new List<string>();
            var entryTerms = new List<int>();
            var scratch = new byte[_pageCount];
            var counts = new byte[_pageCount];
            foreach (var entry in entries)
            {
                var group = synonyms.GroupOf(entry);
                var key = string.Join(',', group);
                if (!groupTerms.TryGetValue(key, out var term))
                {
                    term = GroupPages(group) ? words.Length + groupMembers.Count : -1;
                    if (term >= 0) groupMembers.Add(group);
                    groupTerms.Add(key, term);
                }
                if (term < 0) continue;
                entryList.Add(entry);
                entryTerms.Add(term);
            }

            // Related groups: another group with an entry that holds a one-word entry of this one as a word.
            var related = new int[groupMembers.Count][];
            for (var g = 0; g < groupMembers.Count; g++)
            {
                var single = groupMembers[g].Where(e => !e.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                related[g] = [.. Enumerable.Range(0, groupMembers.Count)
                    .Where(other => other != g && groupMembers[other].Any(e => e.Split(' ').Any(single.Contains)))
                    .Select(other => words.Length + other)];
            }
            return new LayWordIndex(_pageCount, synonyms, words, [.. starts], [.. pages], [.. ranks], [.. entryList], [.. entryTerms], related);

            // Appends the group's pages (a page has an entry when it has all the entry's words) as the next term;
            // false when it has none.
            bool GroupPages(IReadOnlyList<string> group)
            {
                var touched = new List<int>();
                foreach (var entry in group)
                {
                    var ids = entry.Split(' ').Select(w => Array.BinarySearch(words, w, StringComparer.Ordinal)).ToArray();
                    if (ids.Any(id => id < 0)) continue;
                    // Count the entry's words per page; the entry's rank on a page is its worst word's.
                    var maxRank = new Dictionary<int, byte>();
                    foreach (var id in ids.Distinct())
                    {
                        for (var i = wordStarts[id]; i < wordStarts[id + 1]; i++)
                        {
                            var page = wordPages[i];
                            counts[page]++;
                            maxRank[page] = maxRank.TryGetValue(page, out var r) ? Math.Max(r, wordRanks[i]) : wordRanks[i];
                        }
                    }
                    var need = ids.Distinct().Count();
                    foreach (var (page, rank) in maxRank)
                    {
                        if (counts[page] == need)
                        {
                            if (scratch[page] == 0) touched.Add(page);
                            scratch[page] = scratch[page] == 0 ? (byte)(rank + 1) : Math.Min(scratch[page], (byte)(rank + 1));
                        }
                        counts[page] = 0;
                    }
                }
                if (touched.Count == 0) return false;
                touched.Sort();
                foreach (var page in touched)
                {
                    pages.Add(page);
                    ranks.Add((byte)(scratch[page] - 1));
                    scratch[page] = 0;
                }
                starts.Add(pages.Count);
                return true;
            }
        }
    }
}
