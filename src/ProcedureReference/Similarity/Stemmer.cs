namespace ProcedureReference.Similarity;

/// <summary>
/// A deliberately light stemmer for medical explainer text. A full Porter stemmer merges words a coder keeps
/// apart ('arterial'/'artery' is fine, but 'operation'/'operative'/'operator' is not); this only folds plurals
/// and the test-name families that explainers mix freely: -scopic/-scopy, -graphic/-graphy/-gram, -logic/-logy.
/// </summary>
internal static class Stemmer
{
    private static readonly (string Suffix, string Replacement)[] Families =
    [
        ("scopical", "scopy"), ("scopic", "scopy"),
        ("graphical", "graphy"), ("graphic", "graphy"), ("gram", "graphy"),
        ("logical", "logy"), ("logic", "logy"),
    ];

    /// <summary>Writes the stem of a lower-case <paramref name="word"/> into <paramref name="destination"/> and returns it.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        var w = Singular(word, destination, out var written);
        foreach (var (suffix, replacement) in Families)
        {
            if (w.Length <= suffix.Length + 2 || !w.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var root = w.Length - suffix.Length;
            if (root + replacement.Length > destination.Length) break;
            if (!written) w.CopyTo(destination);
            replacement.AsSpan().CopyTo(destination[root..]);
            return destination[..(root + replacement.Length)];
        }
        return w;
    }

    /// <summary>'arteries' to 'artery', 'veins' to 'vein', 'branches' to 'branch'; 'thrombosis', 'venous', 'status' stay.</summary>
    private static ReadOnlySpan<char> Singular(ReadOnlySpan<char> word, Span<char> destination, out bool written)
    {
        written = false;
        if (word.Length <= 3 || word[^1] != 's') return word;
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            word[..^3].CopyTo(destination);
            destination[word.Length - 3] = 'y';
            written = true;
            return destination[..(word.Length - 2)];
        }
        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
            return word[..^2];
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal))
            return word;
        return word[..^1];
    }
}
