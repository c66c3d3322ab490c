using System.Runtime.CompilerServices;

namespace ProcedureReference.Similarity;

/// <summary>How similar another page is: the final score, and the parts that make it (for the reason).</summary>
internal readonly record struct Neighbour(int Page, double Score, float Text, bool Siblings);

/// <summary>
/// Scores pages against one page. Text similarity comes from walking the posting lists of the page's kept
/// terms; a shared descriptor stem adds a strong boost (siblings are what a coder wants first); where the
/// codes stand (same subsection, adjacent numbers) adds a small one. Only pages that share a kept term or the
/// stem are candidates at all, so where a code stands never brings in a page that says nothing alike.
/// </summary>
internal sealed class NeighbourSearch
{
    public const float SiblingBoost = 0.3f;

    /// <summary>A stem shared by more pages than this is a broad heading ('Unlisted procedure'), worth less per page.</summary>
    private const int SmallFamily = 8;
    private const int MaxStemGroupAdded = 64;
    private const float SameRangeBoost = 0.03f;
    private const float AdjacentBoost = 0.04f;
    private const float NearBoost = 0.02f;
    private const long AdjacentDistance = 2;
    private const long NearDistance = 10;
    private const float MaxPositionBoost = SameRangeBoost + AdjacentBoost;
    /// <summary>
    /// The least a posting may add to a text score for the walk to go on (both vectors have unit length, so a
    /// pair of pages that share only such terms is far below <see cref="SimilarityOptions.MinScore"/>).
    /// </summary>
    private const float MinContribution = 0.006f;
    private const int RescoredPerResult = 4;
    private const int MinRescored = 32;

    private readonly QueryVectors _vectors;
    private readonly PostingIndex _postings;
    private readonly SimilarityOptions _options;
    private readonly Dictionary<int, int[]> _stemGroups;
    private readonly int[] _stemIds;
    private readonly int[] _rangeIndexes;
    private readonly long[] _codeNumbers;

    public NeighbourSearch(IReadOnlyList<IndexedPage> pages, QueryVectors vectors, PostingIndex postings, SimilarityOptions options)
    {
        _vectors = vectors;
        _postings = postings;
        _options = options;
        // Per-page facts the search reads for thousands of candidates, as flat arrays rather than through each page object.
        _stemIds = pages.Select(p => p.StemId).ToArray();
        _rangeIndexes = pages.Select(p => p.RangeIndex).ToArray();
        _codeNumbers = pages.Select(p => p.CodeNumber).ToArray();
        _stemGroups = Enumerable.Range(0, pages.Count)
            .Where(p => pages[p].StemId >= 0)
            .GroupBy(p => pages[p].StemId)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>A page's running text score for the page being searched; Stamp says which search it belongs to.</summary>
    public struct Accumulator
    {
        public float Sum;
        public int Stamp;
    }

    /// <summary>Per-thread working memory: an accumulator per page (sum and stamp side by side, one cache miss) and which pages have one.</summary>
    public sealed class Scratch(int pageCount)
    {
        public Accumulator[] Accumulators { get; } = new Accumulator[pageCount];
        public int Generation { get; set; }
        public List<int> Touched { get; } = [];
    }

    /// <summary>How similar two given pages are (for the codes a page lists itself).</summary>
    public Neighbour Score(int page, int other) => Combine(page, other, _vectors.Dot(page, other));

    /// <summary>The best <paramref name="count"/> pages for a page that pass the thresholds (score, and text unless siblings), best first.</summary>
    // The hot loop of an import: compiled optimized at once rather than after tiering has seen it run a while.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<Neighbour> Nearest(int page, int count, HashSet<int> excluded, Scratch scratch)
    {
        var generation = ++scratch.Generation;
        var (accumulators, touched) = (scratch.Accumulators, scratch.Touched);
        touched.Clear();

        var terms = _vectors.Terms[page];
        var weights = _vectors.Weights[page];
        for (var k = 0; k < terms.Length; k++)
        {
            var weight = weights[k];
            var pages = _postings.PagesOf(terms[k]);
            var postingWeights = _postings.WeightsOf(terms[k]);
            // Postings are heaviest first: once a posting adds too little to change a ranking, the rest add less.
            var minPostingWeight = MinContribution / weight;
            for (var j = 0; j < pages.Length && postingWeights[j] >= minPostingWeight; j++)
            {
                ref var accumulator = ref accumulators[pages[j]];
                if (accumulator.Stamp != generation)
                {
                    accumulator.Stamp = generation;
                    accumulator.Sum = 0;
                    touched.Add(pages[j]);
                }
                accumulator.Sum += weight * postingWeights[j];
            }
        }
        var stem = _stemIds[page];
        // Siblings that share no kept term still belong (a short page, or a stem in other words).
        if (stem >= 0 && _stemGroups.TryGetValue(stem, out var group) && group.Length <= MaxStemGroupAdded)
            foreach (var other in group)
                if (accumulators[other].Stamp != generation)
                {
                    accumulators[other] = new Accumulator { Stamp = generation };
                    touched.Add(other);
                }

        // Long posting lists are walked only in part, so a text sum can fall short of the pages' true overlap:
        // rank candidates by their best possible score from it, then score the best few exactly from the two vectors.
        var candidates = new TopK(Math.Max(MinRescored, RescoredPerResult * count));
        foreach (var other in touched)
        {
            // Most candidates share a generic term or two, or cannot beat what is kept: reject them cheaply.
            var text = accumulators[other].Sum;
            var sibling = stem >= 0 && _stemIds[other] == stem;
            var bound = text + (sibling ? SiblingBoost : 0) + MaxPositionBoost;
            if (bound < candidates.Floor || other == page || excluded.Contains(other)) continue;
            candidates.Offer(new Neighbour(other, bound, text, sibling));
        }

        var best = new TopK(count);
        var (minScore, minText) = (_options.MinScore, _options.MinTextScore);
        foreach (var candidate in candidates.InOrder())
        {
            var neighbour = Combine(page, candidate.Page, _vectors.Dot(page, candidate.Page));
            if (neighbour.Score >= minScore && (neighbour.Siblings || neighbour.Text >= minText)) best.Offer(neighbour);
        }
        return best.InOrder();
    }

    /// <summary>
    /// The signals combined as independent evidence (1 - (1 - a)(1 - b)(1 - c)): about their sum while small,
    /// never above 1, and still ordered when strong, so siblings with more text in common rank first.
    /// </summary>
    private Neighbour Combine(int page, int other, float text)
    {
        var sibling = SiblingPart(page, other);
        var doubt = (1.0 - Math.Min(1f, text)) * (1.0 - sibling) * (1.0 - PositionPart(page, other));
        return new Neighbour(other, 1.0 - doubt, text, sibling > 0);
    }

    private float SiblingPart(int page, int other)
    {
        var stem = _stemIds[page];
        if (stem < 0 || page == other || stem != _stemIds[other]) return 0;
        var others = _stemGroups[stem].Length - 1;
        return SiblingBoost * Math.Min(1f, (float)SmallFamily / others);
    }

    private float PositionPart(int page, int other)
    {
        var (range, number) = (_rangeIndexes[page], _codeNumbers[page]);
        var boost = range >= 0 && range == _rangeIndexes[other] ? SameRangeBoost : 0;
        if (number < 0 || _codeNumbers[other] < 0) return boost;
        var distance = Math.Abs(number - _codeNumbers[other]);
        return boost + (distance <= AdjacentDistance ? AdjacentBoost : distance <= NearDistance ? NearBoost : 0);
    }
}
