namespace ProcedureReference.Similarity;

/// <summary>
/// Reads the terms of a text without allocating: lower-cased words, lightly stemmed so that a plural and its
/// singular ('veins', 'vein') or a test and its adjective ('fluoroscopy', 'fluoroscopic') are one term, with
/// numbers and stop words left out. A hyphen joins only a one-letter part ('x-ray'); otherwise
/// 'clot-dissolving' is two terms, so it still matches 'clot'.
/// </summary>
internal ref struct TermReader
{
    /// <summary>Longer runs are not words (URLs, chemical names, damage) and are skipped.</summary>
    public const int MaxTermLength = 40;

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _surface;
    private readonly Span<char> _stem;
    private int _position;

    /// <param name="buffer">Scratch space of at least <see cref="BufferLength"/> characters.</param>
    public TermReader(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _surface = buffer[..MaxTermLength];
        _stem = buffer[MaxTermLength..BufferLength];
        _position = 0;
    }

    public const int BufferLength = 2 * MaxTermLength + 8;

    /// <summary>The next term and the word as written (lower-cased); false at the end of the text.</summary>
    public bool Next(out ReadOnlySpan<char> term, out ReadOnlySpan<char> surface)
    {
        while (NextWord(out var word))
            if (TryTerm(word, out term, out surface)) return true;
        term = surface = default;
        return false;
    }

    /// <summary>The term a word as it stands in the text makes, if it makes one (not a number, a stop word or too short).</summary>
    public readonly bool TryTerm(ReadOnlySpan<char> word, out ReadOnlySpan<char> term, out ReadOnlySpan<char> surface)
    {
        term = surface = default;
        if (word.Length < 2 || word.Length > MaxTermLength || !ContainsLetter(word)) return false;
        var length = word.ToLowerInvariant(_surface);
        surface = _surface[..length];
        term = Stemmer.Stem(surface, _stem);
        return term.Length >= 2 && !StopWords.Contains(term);
    }

    /// <summary>The next run of letters and digits (with the hyphens a term keeps) as it stands in the text.</summary>
    public bool NextWord(out ReadOnlySpan<char> word)
    {
        var text = _text;
        var i = _position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
        var start = i;
        var partStart = i;
        while (i < text.Length)
        {
            if (char.IsLetterOrDigit(text[i])) { i++; continue; }
            if (text[i] == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                && (i - partStart == 1 || NextPartLength(text, i + 1) == 1))
            {
                i++;
                partStart = i;
                continue;
            }
            break;
        }
        _position = i;
        word = text[start..i];
        return i > start;
    }

    private static int NextPartLength(ReadOnlySpan<char> text, int from)
    {
        var end = from;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        return end - from;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return true;
        return false;
    }
}
