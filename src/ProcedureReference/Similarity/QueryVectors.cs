namespace ProcedureReference.Similarity;

/// <summary>
/// Each page reduced to its most distinctive terms, as in Lucene's MoreLikeThis: tf-idf with field weights,
/// the top <see cref="TermsPerPage"/> terms kept, so a dot product of two reduced vectors is the cosine of what
/// the two pages are most about. Terms only one page uses stay in that norm: a page about something else (its
/// top terms used nowhere else) keeps a low score everywhere instead of matching on its few generic words.
/// </summary>
internal sealed class QueryVectors
{
    public const int TermsPerPage = 32;

    private QueryVectors(float[] idf, int[] pageCounts, int[][] terms, float[][] weights)
    {
        Idf = idf;
        PageCounts = pageCounts;
        Terms = terms;
        Weights = weights;
    }

    /// <summary>Per term id: ln(pages / pages using it); 0 for a term on every page.</summary>
    public float[] Idf { get; }

    /// <summary>Per term id: how many pages use it.</summary>
    public int[] PageCounts { get; }

    /// <summary>Per page: its kept term ids, ascending.</summary>
    public int[][] Terms { get; }

    /// <summary>Per page: the kept terms' weights, aligned with <see cref="Terms"/>.</summary>
    public float[][] Weights { get; }

    public int PageCount => Terms.Length;

    public static QueryVectors Compute(IReadOnlyList<IndexedPage> pages, TermDictionary dictionary)
    {
        var n = pages.Count;
        var pageCounts = new int[dictionary.Count];
        var idf = new float[dictionary.Count];
        for (var t = 0; t < idf.Length; t++)
        {
            pageCounts[t] = dictionary.PageCount(t);
            idf[t] = pageCounts[t] == 0 ? 0 : (float)Math.Log((double)n / pageCounts[t]);
        }

        var terms = new int[n][];
        var weights = new float[n][];
        Parallel.For(0, n, p =>
        {
            (terms[p], weights[p]) = Reduce(pages[p], idf, pageCounts);
            pages[p].Release(); // nothing reads the full vector after this
        });
        return new QueryVectors(idf, pageCounts, terms, weights);
    }

    private static (int[], float[]) Reduce(IndexedPage page, float[] idf, int[] pageCounts)
    {
        // Keys are negated weights, so an ascending sort puts the heaviest first; the sort is deterministic for equal input.
        var keys = new float[page.Terms.Length];
        var order = new int[page.Terms.Length];
        for (var j = 0; j < keys.Length; j++)
        {
            keys[j] = -page.Frequencies[j] * idf[page.Terms[j]];
            order[j] = page.Terms[j];
        }
        Array.Sort(keys, order);

        var top = Math.Min(TermsPerPage, keys.Length);
        while (top > 0 && keys[top - 1] >= 0) top--;
        double normSquared = 0;
        var kept = 0;
        for (var k = 0; k < top; k++)
        {
            normSquared += (double)keys[k] * keys[k];
            // A term no other page uses matches nothing: it counts in the norm (the page is about it) but is not kept.
            if (pageCounts[order[k]] >= 2) kept++;
        }
        if (kept == 0) return ([], []);

        var norm = (float)Math.Sqrt(normSquared);
        var keptTerms = new int[kept];
        var keptWeights = new float[kept];
        for (int k = 0, at = 0; k < top; k++)
        {
            if (pageCounts[order[k]] < 2) continue;
            keptTerms[at] = order[k];
            keptWeights[at++] = -keys[k] / norm;
        }
        Array.Sort(keptTerms, keptWeights);
        return (keptTerms, keptWeights);
    }

    /// <summary>The dot product of two pages' reduced vectors (both ascending by term id).</summary>
    public float Dot(int a, int b)
    {
        var (ta, wa, tb, wb) = (Terms[a], Weights[a], Terms[b], Weights[b]);
        float sum = 0;
        for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
        {
            if (ta[i] == tb[j]) sum += wa[i++] * wb[j++];
            else if (ta[i] < tb[j]) i++;
            else j++;
        }
        return sum;
    }
}
