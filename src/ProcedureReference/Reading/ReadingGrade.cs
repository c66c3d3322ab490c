using System.Runtime.InteropServices;

namespace ProcedureReference.Reading;

/// <summary>
/// The Flesch-Kincaid grade of a text: 0.39 × words per sentence + 11.8 × syllables per word − 15.59, the school
/// grade a reader needs to follow it. Patient-education guidance (NIH, AMA) asks for grade 6 to 8. Computed at import
/// from each section's plain text, so reading a page costs nothing.
/// </summary>
public static class ReadingGrade
{
    /// <summary>The highest grade patient-education guidance asks for: a summary above it is listed for the admin's review.</summary>
    public const double PlainWordsMax = 8;

    // Most words recur on every page: each thread keeps the syllables of the words it has counted (bounded, since
    // damaged text can hold any number of distinct words).
    private const int MaxCachedWords = 1 << 16;

    [ThreadStatic] private static Dictionary<string, int>? t_syllables;

    /// <summary>
    /// The grade of <paramref name="plainText"/>, to one decimal and never below 0; null for a text with no words.
    /// A sentence ends at . ! or ? before a space, and at the end of a line: list items and lines without a full
    /// stop are sentences of their own, as a reader takes them. Numbers are not words.
    /// </summary>
    public static double? Of(string? plainText) => string.IsNullOrWhiteSpace(plainText) ? null : CountOf(plainText).Grade;

    /// <summary>The grade as a reader is told it: a whole grade, at least 1.</summary>
    public static int Shown(double grade) => Math.Max(1, (int)Math.Round(grade, MidpointRounding.AwayFromZero));

    /// <summary>
    /// The sentences, words and syllables of <paramref name="plainText"/>. Texts joined by a line break count as the
    /// sum of their counts (a line break ends a sentence), so a page's grade is its sections' counts added up.
    /// </summary>
    public static TextCount CountOf(string? plainText)
    {
        if (string.IsNullOrEmpty(plainText)) return default;
        var text = plainText.AsSpan();
        int sentences = 0, words = 0, syllables = 0;
        var inSentence = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                // A word: letters, and letters joined by an apostrophe or a hyphen ("x-ray", "patient's").
                var start = i;
                i++;
                while (true)
                {
                    while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
                    if (i + 1 < text.Length && text[i] is '\'' or '’' or '-' && char.IsAsciiLetter(text[i + 1])) i++;
                    else break;
                }
                words++;
                syllables += SyllablesOf(text[start..i]);
                inSentence = true;
            }
            else if (c == '\n')
            {
                if (inSentence) sentences++;
                inSentence = false;
                i++;
            }
            else if (c is '.' or '!' or '?')
            {
                // A run of . ! ? ends a sentence when a space or the end of the text follows it.
                while (i < text.Length && text[i] is '.' or '!' or '?') i++;
                if (i == text.Length || char.IsWhiteSpace(text[i]))
                {
                    if (inSentence) sentences++;
                    inSentence = false;
                }
            }
            else i++;
        }
        if (inSentence) sentences++;
        return new TextCount(sentences, words, syllables);
    }

    private static int SyllablesOf(ReadOnlySpan<char> word)
    {
        var cache = t_syllables ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known)) return known;
        var key = word.ToString();
        var count = Syllables.Count(key);
        if (cache.Count < MaxCachedWords) cache[key] = count;
        return count;
    }
}

/// <summary>What a reading grade is computed from: a text's sentences, words and syllables.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct TextCount(int Sentences, int Words, int Syllables)
{
    public static TextCount operator +(TextCount a, TextCount b) =>
        new(a.Sentences + b.Sentences, a.Words + b.Words, a.Syllables + b.Syllables);

    /// <summary>The Flesch-Kincaid grade of these counts, to one decimal and never below 0; null when there are no words.</summary>
    public double? Grade
    {
        get
        {
            if (Words == 0) return null;
            var grade = 0.39 * Words / Sentences + 11.8 * Syllables / Words - 15.59;
            return Math.Round(Math.Max(0, grade), 1, MidpointRounding.AwayFromZero);
        }
    }
}
