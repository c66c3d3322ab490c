namespace ProcedureReference.Publishing;

public enum DiffOperation { Same, Removed, Added }

public sealed record DiffLine(DiffOperation Operation, string Text);

/// <summary>
/// A line diff by longest common subsequence: a section is tens of lines, so the quadratic table is small.
/// Longer texts (over <see cref="MaxLines"/> lines) are shown as all removed, then all added.
/// </summary>
public static class LineDiff
{
    public const int MaxLines = 2_000;

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Count > MaxLines || after.Count > MaxLines)
            return [.. before.Select(l => new DiffLine(DiffOperation.Removed, l)), .. after.Select(l => new DiffLine(DiffOperation.Added, l))];

        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
            for (var j = after.Count - 1; j >= 0; j--)
                common[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal)
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);

        var lines = new List<DiffLine>(before.Count + after.Count);
        int b = 0, a = 0;
        while (b < before.Count && a < after.Count)
        {
            if (string.Equals(before[b], after[a], StringComparison.Ordinal)) { lines.Add(new(DiffOperation.Same, before[b++])); a++; }
            else if (common[b + 1, a] >= common[b, a + 1]) lines.Add(new(DiffOperation.Removed, before[b++]));
            else lines.Add(new(DiffOperation.Added, after[a++]));
        }
        while (b < before.Count) lines.Add(new(DiffOperation.Removed, before[b++]));
        while (a < after.Count) lines.Add(new(DiffOperation.Added, after[a++]));
        return lines;
    }
}
