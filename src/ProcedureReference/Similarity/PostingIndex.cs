namespace ProcedureReference.Similarity;

/// <summary>
/// For each term, the pages that kept it among their distinctive terms, heaviest first. Only kept terms are
/// posted, so the index holds at most <see cref="QueryVectors.TermsPerPage"/> entries per page, and a search walks only the pages that share one.
/// </summary>
internal sealed class PostingIndex
{
    /// <summary>
    /// A term kept by more pages than this is walked only over its heaviest postings: a page where the term
    /// is light gains little from it, and walking all of a long list for every page would make the search
    /// quadratic in the corpus size.
    /// </summary>
    public const int MaxWalkedPostings = 1024;

    private readonly int[] _starts;
    private readonly int[] _pages;
    private readonly float[] _weights;

    private PostingIndex(int[] starts, int[] pages, float[] weights)
    {
        _starts = starts;
        _pages = pages;
        _weights = weights;
    }

    public static PostingIndex Build(QueryVectors vectors, int termCount)
    {
        // Counting sort by term: sizes, then offsets, then fill in page order.
        var starts = new int[termCount + 1];
        foreach (var terms in vectors.Terms)
            foreach (var t in terms) starts[t + 1]++;
        for (var t = 0; t < termCount; t++) starts[t + 1] += starts[t];

        var pages = new int[starts[termCount]];
        var weights = new float[pages.Length];
        var next = (int[])starts.Clone();
        for (var p = 0; p < vectors.PageCount; p++)
        {
            var terms = vectors.Terms[p];
            for (var k = 0; k < terms.Length; k++)
            {
                var at = next[terms[k]]++;
                pages[at] = p;
                weights[at] = vectors.Weights[p][k];
            }
        }

        // Heaviest first, only where a list is longer than the walk. Keys are negated weights; the sort is
        // deterministic for equal input, and ties keep a fixed (if arbitrary) order.
        Parallel.For(0, termCount, t =>
        {
            var length = starts[t + 1] - starts[t];
            if (length <= MaxWalkedPostings) return;
            var keys = new float[length];
            for (var k = 0; k < length; k++) keys[k] = -weights[starts[t] + k];
            var order = new int[length];
            for (var k = 0; k < length; k++) order[k] = k;
            Array.Sort(keys, order);
            var sortedPages = new int[length];
            for (var k = 0; k < length; k++) sortedPages[k] = pages[starts[t] + order[k]];
            sortedPages.CopyTo(pages, starts[t]);
            for (var k = 0; k < length; k++) weights[starts[t] + k] = -keys[k];
        });
        return new PostingIndex(starts, pages, weights);
    }

    /// <summary>The pages posted under a term, heaviest first, at most <see cref="MaxWalkedPostings"/>.</summary>
    public ReadOnlySpan<int> PagesOf(int term) => _pages.AsSpan(_starts[term], WalkLength(term));

    /// <summary>Their weights, aligned with <see cref="PagesOf"/>.</summary>
    public ReadOnlySpan<float> WeightsOf(int term) => _weights.AsSpan(_starts[term], WalkLength(term));

    private int WalkLength(int term) => Math.Min(_starts[term + 1] - _starts[term], MaxWalkedPostings);
}
