using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace ProcedureReference.Publishing;

public enum DiffOperation { Same, Removed, Added }

/// <summary>A run of a line's text; <paramref name="Changed"/> marks words a changed line lost (removed) or gained (added).</summary>
public sealed record DiffSpan(string Text, bool Changed);

/// <summary>
/// One line of a diff. A removed or added line that replaces a line holds its text in <see cref="Spans"/> with
/// the changed words marked; any other line is one unmarked span.
/// </summary>
public sealed record DiffLine(DiffOperation Operation, string Text)
{
    public IReadOnlyList<DiffSpan> Spans { get; init; } = [new(Text, Changed: false)];

    public bool Equals(DiffLine? other) =>
        other is not null && Operation == other.Operation && Text == other.Text && Spans.SequenceEqual(other.Spans);

    public override int GetHashCode() => HashCode.Combine(Operation, Text);
}

/// <summary>
/// A line diff on DiffPlex (Myers' algorithm), with a word diff inside each changed line: in a run of removed lines
/// followed by added lines, the first removed line pairs with the first added one, and so on, and each pair marks
/// only the words that differ, so a one-word edit in a long paragraph shows as that word, not the paragraph twice.
/// </summary>
public static class LineDiff
{
    // The lines are joined with '\n' for DiffPlex and cut there again, so a line must not hold one.
    private static readonly CustomFunctionChunker Lines = new(text => text.Split('\n'));

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Concat(after).Any(l => l.Contains('\n', StringComparison.Ordinal)))
            throw new ArgumentException("a line of a line diff holds no line break");
        // An empty list and a list of one empty line join to the same text; neither needs a diff to compare.
        if (before.Count == 0 || after.Count == 0)
            return [.. before.Select(l => new DiffLine(DiffOperation.Removed, l)), .. after.Select(l => new DiffLine(DiffOperation.Added, l))];

        var diff = Differ.Instance.CreateDiffs(string.Join('\n', before), string.Join('\n', after), ignoreWhiteSpace: false, ignoreCase: false, Lines);
        var lines = new List<DiffLine>(before.Count + after.Count);
        var next = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (next < block.DeleteStartA) lines.Add(new(DiffOperation.Same, before[next++]));
            var removed = Slice(before, block.DeleteStartA, block.DeleteCountA);
            var added = Slice(after, block.InsertStartB, block.InsertCountB);
            var words = Enumerable.Range(0, Math.Min(removed.Length, added.Length)).Select(i => WordDiff(removed[i], added[i])).ToList();
            lines.AddRange(removed.Select((l, i) => new DiffLine(DiffOperation.Removed, l) { Spans = i < words.Count ? words[i].Before : [new(l, false)] }));
            lines.AddRange(added.Select((l, i) => new DiffLine(DiffOperation.Added, l) { Spans = i < words.Count ? words[i].After : [new(l, false)] }));
            next = block.DeleteStartA + block.DeleteCountA;
        }
        while (next < before.Count) lines.Add(new(DiffOperation.Same, before[next++]));
        return lines;
    }

    /// <summary>
    /// Both lines of a changed pair in spans, the differing words marked. Lines with no word in common are left
    /// unmarked: marking every word of both says no more than the lines' own colours.
    /// </summary>
    internal static (IReadOnlyList<DiffSpan> Before, IReadOnlyList<DiffSpan> After) WordDiff(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var deleted = Marks(diff.PiecesOld.Count, diff.DiffBlocks.Select(b => (b.DeleteStartA, b.DeleteCountA)));
        var inserted = Marks(diff.PiecesNew.Count, diff.DiffBlocks.Select(b => (b.InsertStartB, b.InsertCountB)));
        var shared = diff.PiecesOld.Where((piece, i) => !deleted[i] && !string.IsNullOrWhiteSpace(piece)).Any();
        return shared
            ? (Spans(diff.PiecesOld, deleted), Spans(diff.PiecesNew, inserted))
            : ([new(before, false)], [new(after, false)]);
    }

    /// <summary>Which pieces the blocks cover.</summary>
    private static bool[] Marks(int count, IEnumerable<(int Start, int Count)> blocks)
    {
        var marks = new bool[count];
        foreach (var (start, length) in blocks)
            for (var i = start; i < start + length; i++) marks[i] = true;
        return marks;
    }

    /// <summary>Runs of pieces, changed or not; a space between two changed words is changed too, so 'a b' reads as one change.</summary>
    private static List<DiffSpan> Spans(IReadOnlyList<string> pieces, bool[] changed)
    {
        for (var i = 1; i < pieces.Count - 1; i++)
            if (!changed[i] && changed[i - 1] && changed[i + 1] && string.IsNullOrWhiteSpace(pieces[i])) changed[i] = true;
        var spans = new List<DiffSpan>();
        for (var i = 0; i < pieces.Count;)
        {
            var start = i;
            while (i < pieces.Count && changed[i] == changed[start]) i++;
            spans.Add(new DiffSpan(string.Concat(pieces.Skip(start).Take(i - start)), changed[start]));
        }
        return spans;
    }

    private static string[] Slice(IReadOnlyList<string> lines, int start, int count) => [.. lines.Skip(start).Take(count)];
}
