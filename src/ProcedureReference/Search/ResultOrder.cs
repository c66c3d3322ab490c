namespace ProcedureReference.Search;

/// <summary>
/// Puts one page of results in order without sorting every match: a broad query matches 100,000 pages and
/// shows 20, so the first skip + take are kept in a bounded heap (worst on top) as the matches stream past.
/// </summary>
internal static class ResultOrder
{
    /// <summary>Found by code first (in lookup order), then by relevance (bm25, lower is better), then in code order.</summary>
    public readonly record struct Key(int Tier, double Score, int Ordinal) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = Tier.CompareTo(other.Tier);
            if (c == 0) c = Score.CompareTo(other.Score);
            return c != 0 ? c : Ordinal.CompareTo(other.Ordinal);
        }
    }

    private static readonly Comparer<Key> WorstFirst = Comparer<Key>.Create((a, b) => b.CompareTo(a));

    public static List<int> Page(IEnumerable<int> ids, Func<int, Key> keyOf, int skip, int take)
    {
        var keep = skip + take;
        var heap = new PriorityQueue<int, Key>(WorstFirst);
        foreach (var id in ids)
        {
            var key = keyOf(id);
            if (heap.Count < keep) heap.Enqueue(id, key);
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) < 0) heap.DequeueEnqueue(id, key);
        }
        var best = new List<int>(heap.Count);
        while (heap.TryDequeue(out var id, out _)) best.Add(id);
        best.Reverse();
        return best.Skip(skip).ToList();
    }
}
