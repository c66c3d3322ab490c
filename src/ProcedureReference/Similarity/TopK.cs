namespace ProcedureReference.Similarity;

/// <summary>
/// The best k neighbours seen so far, in a small min-heap whose root is the worst kept: a page scores
/// thousands of candidates but keeps eight. Ties go to the earlier page, so results do not depend on
/// the order candidates were seen in.
/// </summary>
internal sealed class TopK(int capacity)
{
    private readonly Neighbour[] _heap = new Neighbour[Math.Max(capacity, 0)];
    private int _count;

    public void Offer(Neighbour candidate)
    {
        if (_heap.Length == 0) return;
        if (_count < _heap.Length)
        {
            _heap[_count] = candidate;
            SiftUp(_count++);
        }
        else if (Better(candidate, _heap[0]))
        {
            _heap[0] = candidate;
            SiftDown(0);
        }
    }

    /// <summary>
    /// The score a candidate must beat to be kept: the worst kept once full, else nothing. A candidate whose
    /// best possible score is below it need not be scored in full.
    /// </summary>
    public double Floor => _count == _heap.Length && _heap.Length > 0 ? _heap[0].Score : double.NegativeInfinity;

    /// <summary>What was kept, best first.</summary>
    public List<Neighbour> InOrder()
    {
        var list = new List<Neighbour>(_heap.AsSpan(0, _count).ToArray());
        list.Sort((a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return list;
    }

    private static bool Better(Neighbour a, Neighbour b) => a.Score != b.Score ? a.Score > b.Score : a.Page < b.Page;

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent], _heap[i])) break;
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var (left, right, worst) = (2 * i + 1, 2 * i + 2, i);
            if (left < _count && Better(_heap[worst], _heap[left])) worst = left;
            if (right < _count && Better(_heap[worst], _heap[right])) worst = right;
            if (worst == i) return;
            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
