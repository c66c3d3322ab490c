using System.Text.RegularExpressions;

namespace ProcedureReference.Reading;

/// <summary>
/// The Flesch-Kincaid grade of a text: 0.39 × words per sentence + 11.8 × syllables per word − 15.59, the school
/// grade a reader needs to follow it. Patient-education guidance (NIH, AMA) asks for grade 6 to 8. Computed at import
/// from each section's plain text, so reading a page costs nothing.
/// </summary>
public static partial class ReadingGrade
{
    /// <summary>The highest grade patient-education guidance asks for: a summary above it is listed for the admin's review.</summary>
    public const double PlainWordsMax = 8;

    /// <summary>
    /// The grade of <paramref name="plainText"/>, to one decimal and never below 0; null for a text with no words.
    /// A sentence ends at . ! or ? before a space, and at the end of a line: list items and lines without a full
    /// stop are sentences of their own, as a reader takes them. Numbers are not words.
    /// </summary>
    public static double? Of(string? plainText)
    {
        if (string.IsNullOrWhiteSpace(plainText)) return null;
        int sentences = 0, words = 0, syllables = 0;
        foreach (var sentence in SentenceEnd().Split(plainText))
        {
            var inSentence = 0;
            foreach (Match word in Word().Matches(sentence))
            {
                inSentence++;
                syllables += Syllables.Count(word.Value);
            }
            if (inSentence == 0) continue;
            sentences++;
            words += inSentence;
        }
        if (words == 0) return null;
        var grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        return Math.Round(Math.Max(0, grade), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The grade as a reader is told it: a whole grade, at least 1.</summary>
    public static int Shown(double grade) => Math.Max(1, (int)Math.Round(grade, MidpointRounding.AwayFromZero));

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z]+(?:['’-][A-Za-z]+)*")]
    private static partial Regex Word();
}
