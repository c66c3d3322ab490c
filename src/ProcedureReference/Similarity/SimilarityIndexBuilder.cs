using ProcedureReference.Parsing;
using ProcedureReference.Search;

namespace ProcedureReference.Similarity;

/// <summary>
/// Computes every page's similar codes at import. The importer streams pages in with <see cref="Add"/> as it
/// writes them; the builder keeps only a compact term vector per page (term ids and weights, never the text)
/// and, once all are in, <see cref="Build"/> finds each page's nearest pages through an inverted index over
/// each page's most distinctive terms, in parallel, without comparing all pairs.
/// </summary>
/// <remarks><see cref="Add"/> is not thread-safe: call it from one thread, as the importer's write loop does.</remarks>
public sealed class SimilarityIndexBuilder
{
    private readonly SimilarityOptions _options;
    private readonly CodeCategories _ranges;
    private readonly TermDictionary _terms = new();

    /// <summary>Pages whose similar codes are computed before they are handed out.</summary>
    public const int BlockSize = 4096;

    // A word as written to its term id, or -1 for no term: most words recur on every page, so each is lower-cased,
    // stemmed and looked up once. Bounded, because damaged text can hold any number of distinct words.
    private const int MaxCachedWords = 1 << 20;

    private readonly Dictionary<string, int> _wordTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordTermLookup;
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private readonly List<IndexedPage> _pages = [];
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private bool _built;

    // Scratch for the page being added: a weight per term id and which ids it touched; counts in the current field.
    private float[] _weights = new float[4096];
    private readonly List<int> _touched = [];
    private int[] _fieldCounts = new int[4096];
    private readonly List<int> _fieldTerms = [];
    private readonly List<int> _descriptorTerms = [];

    public SimilarityIndexBuilder(SimilarityOptions? options = null, CodeCategories? ranges = null)
    {
        _options = options ?? new SimilarityOptions();
        if (_options.Count < 0) throw new ArgumentOutOfRangeException(nameof(options), "Count must not be negative");
        _ranges = ranges ?? CodeCategories.Shipped;
        _wordTermLookup = _wordTerms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _pages.Count;

    public void Add(SimilarityPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!_codes.Add(page.Code)) throw new ArgumentException($"code {page.Code} was already added", nameof(page));

        AddText(page.Title, FieldWeights.Descriptor, _descriptorTerms);
        foreach (var name in page.Names) AddText(name, FieldWeights.Names, null);
        var listed = new List<ListedCode>();
        foreach (var section in page.Sections)
        {
            if (section.Kind == SectionKind.SimilarCodes) listed.AddRange(ListedCodes.Parse(section.Text));
            var weight = FieldWeights.Of(section.Kind);
            if (weight > 0) AddText(section.Text, weight, null);
        }

        _touched.Sort();
        var terms = _touched.ToArray();
        var frequencies = new float[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            frequencies[i] = _weights[terms[i]];
            _weights[terms[i]] = 0;
            _terms.CountPage(terms[i]);
        }
        _touched.Clear();

        var stem = DescriptorStem.KeyOf(page.Title);
        int stemId = -1;
        if (stem is not null && !_stems.TryGetValue(stem, out stemId)) _stems[stem] = stemId = _stems.Count;

        _pages.Add(new IndexedPage
        {
            Id = page.Id,
            Code = page.Code,
            Title = page.Title,
            Terms = terms,
            Frequencies = frequencies,
            DescriptorTerms = [.. _descriptorTerms],
            HeadTerms = KnownTerms(DescriptorStem.HeadOf(page.Title)),
            StemId = stemId,
            CodeNumber = CodeNumber.Of(page.Code),
            RangeIndex = _ranges.IndexOf(page.System, page.Code),
            Listed = listed.Count == 0 ? [] : DistinctListed(listed),
        });
        _descriptorTerms.Clear();
    }

    /// <summary>
    /// Adds one field's terms: each term weighs the field's weight times the square root of its count in the
    /// field, so a word the descriptor says once outweighs one the procedure steps repeat five times.
    /// </summary>
    private void AddText(string text, float weight, List<int>? inOrder)
    {
        Span<char> buffer = stackalloc char[TermReader.BufferLength];
        var reader = new TermReader(text, buffer);
        while (reader.NextWord(out var word))
        {
            var id = TermOf(ref reader, word);
            if (id < 0) continue;
            if (id >= _fieldCounts.Length) Array.Resize(ref _fieldCounts, Math.Max(_fieldCounts.Length * 2, id + 1));
            if (_fieldCounts[id]++ == 0) _fieldTerms.Add(id);
            if (inOrder is not null && !inOrder.Contains(id)) inOrder.Add(id);
        }
        if (_weights.Length < _fieldCounts.Length) Array.Resize(ref _weights, _fieldCounts.Length);
        foreach (var id in _fieldTerms)
        {
            if (_weights[id] == 0) _touched.Add(id);
            _weights[id] += weight * MathF.Sqrt(_fieldCounts[id]);
            _fieldCounts[id] = 0;
        }
        _fieldTerms.Clear();
    }

    private int TermOf(ref TermReader reader, ReadOnlySpan<char> word)
    {
        if (_wordTermLookup.TryGetValue(word, out var id)) return id;
        id = reader.TryTerm(word, out var term, out var surface) ? _terms.GetOrAdd(term, surface) : -1;
        if (_wordTerms.Count < MaxCachedWords) _wordTermLookup[word] = id;
        return id;
    }

    /// <summary>The ids of a text's terms, each once, for text whose terms are already in the dictionary.</summary>
    private int[] KnownTerms(string text)
    {
        Span<char> buffer = stackalloc char[TermReader.BufferLength];
        var reader = new TermReader(text, buffer);
        var ids = new List<int>();
        while (reader.Next(out var term, out _))
            if (_terms.TryGet(term, out var id) && !ids.Contains(id)) ids.Add(id);
        return [.. ids];
    }

    /// <summary>A page may list a code twice, under two sub-lists; it is kept once, where first listed.</summary>
    private static ListedCode[] DistinctListed(List<ListedCode> listed) =>
        [.. listed.DistinctBy(l => l.Code, StringComparer.Ordinal).Take(ListedCodes.MaxListed)];

    /// <summary>
    /// Every page's similar codes, in the order pages were added: first the codes the page lists (source
    /// "page"), then up to <see cref="SimilarityOptions.Count"/> computed ones (source "computed") that
    /// pass <see cref="SimilarityOptions.MinScore"/>, best first; never the page itself, never a code twice.
    /// </summary>
    /// <remarks>Called once: it lets go of the pages' full term vectors as it reduces them.</remarks>
    public IEnumerable<PageSimilarCodes> Build()
    {
        if (_built) throw new InvalidOperationException("Build is called once per builder");
        _built = true;
        return Compute();
    }

    private IEnumerable<PageSimilarCodes> Compute()
    {
        if (_pages.Count == 0) yield break;
        var vectors = QueryVectors.Compute(_pages, _terms);
        var postings = PostingIndex.Build(vectors, _terms.Count);
        var search = new NeighbourSearch(_pages, vectors, postings, _options);
        var reasons = new SimilarityReasons(_pages, vectors, _terms, _ranges);
        var byCode = new Dictionary<string, int>(_pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < _pages.Count; i++) byCode[_pages[i].Code] = i;

        // Results go out a block at a time, so a 100,000-page import never holds every page's list at once.
        // One worker per core, each with one scratch (an accumulator per page: large, so made once per worker,
        // not per task), taking the next page as it finishes one. Pages do not depend on each other.
        var workers = Environment.ProcessorCount;
        var scratches = new NeighbourSearch.Scratch?[workers];
        var block = new PageSimilarCodes[Math.Min(BlockSize, _pages.Count)];
        for (var start = 0; start < _pages.Count; start += BlockSize)
        {
            var count = Math.Min(BlockSize, _pages.Count - start);
            var next = -1;
            Parallel.For(0, workers, worker =>
            {
                var scratch = scratches[worker] ??= new NeighbourSearch.Scratch(_pages.Count);
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                    block[i] = ForPage(start + i, scratch, search, reasons, byCode);
            });
            for (var i = 0; i < count; i++) yield return block[i];
        }
    }

    private PageSimilarCodes ForPage(int i, NeighbourSearch.Scratch scratch, NeighbourSearch search,
        SimilarityReasons reasons, Dictionary<string, int> byCode)
    {
        var page = _pages[i];
        var entries = new List<SimilarCodeEntry>(page.Listed.Count + _options.Count);
        var excluded = new HashSet<int> { i };
        foreach (var listed in page.Listed)
        {
            if (listed.Code == page.Code) continue;
            if (byCode.TryGetValue(listed.Code, out var target))
            {
                if (!excluded.Add(target)) continue;
                var pair = search.Score(i, target);
                entries.Add(new(listed.Code, _pages[target].Title, Round(pair.Score),
                    SimilarityReasons.Listed(pair.Text > 0 || pair.Siblings ? reasons.For(i, target, pair) : null), SimilarCodeSources.Page));
            }
            else
            {
                var (score, shared) = reasons.TitleOnly(i, listed.Title);
                entries.Add(new(listed.Code, listed.Title.Length > 0 ? listed.Title : listed.Code, Round(score),
                    SimilarityReasons.Listed(shared), SimilarCodeSources.Page));
            }
        }
        var wanted = _options.Count - entries.Count;
        if (wanted > 0)
            foreach (var neighbour in search.Nearest(i, wanted, excluded, scratch))
                entries.Add(new(_pages[neighbour.Page].Code, _pages[neighbour.Page].Title, Round(neighbour.Score),
                    reasons.For(i, neighbour.Page, neighbour), SimilarCodeSources.Computed));
        return new PageSimilarCodes(page.Id, entries);
    }

    private static double Round(double score) => Math.Round(Math.Clamp(score, 0, 1), 4);
}
