namespace ProcedureReference.Parsing;

/// <summary>
/// Gives every block its section kind. A headed block takes its heading's kind. A run of unheaded blocks
/// between two headed ones is aligned with the kinds that fit between them in canonical order: the
/// alignment that best agrees with the rule table's cues wins, skipping a kind (a page that lacks a
/// section) and continuing the previous section (an extra blank-line run) each cost a little.
/// </summary>
internal static class SectionAssigner
{
    private const double SkipCost = 2;
    private const double ContinueCost = 4;
    private const double SubHeadingWeight = 6;
    private const double ForeignSubHeadingWeight = -3;
    private const double ListOfWordsWeight = 5;
    private const int MaxPhraseCues = 3;
    private const int MaxWordsInListItem = 10;

    private static readonly SectionRule[] Rules = [.. SectionRules.InCanonicalOrder];

    /// <summary>Per block: its kind, and whether it continues the section before it.</summary>
    public static (SectionKind Kind, bool Continues)[] Assign(IReadOnlyList<Block> blocks)
    {
        var result = new (SectionKind Kind, bool Continues)[blocks.Count];
        var lower = -1;
        SectionKind? previous = null;
        var i = 0;
        while (i < blocks.Count)
        {
            if (blocks[i].HeadingKind is { } headed)
            {
                result[i] = (headed, false);
                if (headed != SectionKind.Other) lower = (int)headed;
                previous = headed;
                i++;
                continue;
            }
            var end = i;
            while (end < blocks.Count && !blocks[end].IsHeaded) end++;
            var upper = end < blocks.Count && blocks[end].HeadingKind is { } next && next != SectionKind.Other
                ? (int)next : Rules.Length;
            AssignRun(blocks, i, end, lower, upper, previous, result);
            var last = result[end - 1].Kind;
            if (last != SectionKind.Other) lower = Math.Max(lower, (int)last);
            previous = last;
            i = end;
        }
        return result;
    }

    private static void AssignRun(IReadOnlyList<Block> blocks, int from, int to, int lower, int upper,
        SectionKind? previous, (SectionKind Kind, bool Continues)[] result)
    {
        var candidates = Enumerable.Range(lower + 1, Math.Max(0, upper - lower - 1)).Select(o => Rules[o].Kind).ToArray();
        var n = to - from;
        var m = candidates.Length;
        // State s: 0 means "still continuing the previous section", s > 0 means candidates[s - 1] was the last kind given.
        var score = new double[n, m + 1];
        var back = new int[n, m + 1];
        for (var b = 0; b < n; b++)
        for (var s = 0; s <= m; s++)
        {
            score[b, s] = double.NegativeInfinity;
            var block = blocks[from + b];
            if (s == 0)
            {
                if (previous is null) continue;
                var gain = Cue(block, previous.Value) / 2 - ContinueCost;
                if (b == 0) score[b, s] = gain;
                else if (!double.IsNegativeInfinity(score[b - 1, 0])) { score[b, s] = score[b - 1, 0] + gain; back[b, s] = 0; }
                continue;
            }
            var kind = candidates[s - 1];
            var cue = Cue(block, kind);
            if (SectionRules.For(kind).NeedsEvidence && cue <= 0) continue;
            // Either this block opens `kind`...
            for (var p = 0; p < s; p++)
            {
                var before = b == 0 ? (p == 0 ? 0 : double.NegativeInfinity) : score[b - 1, p];
                if (double.IsNegativeInfinity(before)) continue;
                var fromOrder = p == 0 ? lower : (int)candidates[p - 1];
                var total = before + cue - SkipCost * Skipped(fromOrder, (int)kind);
                if (total > score[b, s]) { score[b, s] = total; back[b, s] = p; }
            }
            // ...or continues it.
            if (b > 0 && !double.IsNegativeInfinity(score[b - 1, s]))
            {
                var total = score[b - 1, s] + cue / 2 - ContinueCost;
                if (total > score[b, s]) { score[b, s] = total; back[b, s] = s; }
            }
        }

        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var s = 0; s <= m; s++)
        {
            if (double.IsNegativeInfinity(score[n - 1, s])) continue;
            var lastOrder = s == 0 ? lower : (int)candidates[s - 1];
            var total = score[n - 1, s] - SkipCost * Skipped(lastOrder, upper);
            if (total > bestScore) { bestScore = total; best = s; }
        }

        if (best < 0)
        {
            // Nothing fits (no room in canonical order and no section before): keep the text as 'other'.
            for (var b = 0; b < n; b++) result[from + b] = (SectionKind.Other, b > 0);
            return;
        }
        for (var b = n - 1; b >= 0; b--)
        {
            var prior = b > 0 ? back[b, best] : 0;
            var continues = best == 0 || (b > 0 && prior == best);
            result[from + b] = (best == 0 ? previous!.Value : candidates[best - 1], continues);
            best = prior;
        }
    }

    /// <summary>How many kinds that a page normally has lie strictly between two canonical positions.</summary>
    private static int Skipped(int fromOrder, int toOrder)
    {
        var count = 0;
        for (var o = fromOrder + 1; o < toOrder && o < Rules.Length; o++)
            if (!Rules[o].NeedsEvidence) count++;
        return count;
    }

    /// <summary>How strongly a block's text says it is of a kind, from the rule table's cues.</summary>
    internal static double Cue(Block block, SectionKind kind)
    {
        if (kind == SectionKind.Other) return 0;
        var rule = SectionRules.For(kind);
        var facts = block.Facts;
        double score = 0;
        foreach (var sub in facts.SubHeadingKinds)
        {
            if (sub == kind) score += SubHeadingWeight;
            else if (sub is not null) score += ForeignSubHeadingWeight;
        }
        if (rule.ListItemWords is { } words && facts.BulletItemsLower is { } items && items.All(i => IsShortItemNaming(i, words)))
            score += ListOfWordsWeight;
        score += Math.Min(MaxPhraseCues, rule.Cues.Count(c => facts.LowerText.Contains(c, StringComparison.Ordinal)));
        return score;
    }

    private static bool IsShortItemNaming(string lowerItem, string[] words) =>
        lowerItem.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxWordsInListItem
        && words.Any(w => lowerItem.Contains(w, StringComparison.Ordinal));
}
