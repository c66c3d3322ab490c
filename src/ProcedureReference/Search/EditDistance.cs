namespace ProcedureReference.Search;

/// <summary>Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions, adjacent swaps).</summary>
internal static class EditDistance
{
    /// <summary>
    /// The distance between <paramref name="a"/> and <paramref name="b"/>, or <paramref name="max"/> + 1 as soon as
    /// it is known to exceed <paramref name="max"/>: the caller only cares about near words, and stopping early
    /// keeps a scan over the whole vocabulary cheap.
    /// </summary>
    public static int Bounded(string a, string b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;

        // Three rows: two back (for swaps), previous and current.
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, twoBack[j - 2] + 1);
                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }
            if (rowMin > max) return max + 1;
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}
