using System.Globalization;
using System.Text;

namespace ProcedureReference.Search;

/// <summary>
/// Splits text into lower-case words: runs of Unicode letters and decimal digits (with any combining marks that
/// follow a letter). Everything else separates words and is dropped, so quotes, operators, brackets, control
/// characters and emoji can never reach an FTS5 expression. The same split serves queries, synonyms and the
/// spelling vocabulary, so that they agree on what a word is.
/// </summary>
internal static class QueryTokens
{
    /// <summary>Only this much of a query is read: a search box needs no more, and it bounds the work.</summary>
    public const int MaxQueryChars = SearchQuery.MaxTextChars;

    /// <summary>Each word becomes a MATCH term (with its synonyms); a dozen is plenty and keeps queries cheap.</summary>
    public const int MaxQueryTerms = 12;

    /// <summary>The words of an untrusted query, capped in characters read and words returned.</summary>
    public static IReadOnlyList<string> OfQuery(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var words = new List<string>();
        foreach (var word in Words(text.Length > MaxQueryChars ? text[..MaxQueryChars] : text))
        {
            words.Add(word);
            if (words.Count == MaxQueryTerms) break;
        }
        return words;
    }

    /// <summary>Every word of <paramref name="text"/>, uncapped (for trusted text: pages and the synonyms file).</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var word = new StringBuilder();
        // A lone surrogate (from cutting a query mid-pair) enumerates as U+FFFD, which is not a letter.
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && IsCombiningMark(rune)))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                yield return word.ToString().ToLowerInvariant();
                word.Clear();
            }
        }
        if (word.Length > 0) yield return word.ToString().ToLowerInvariant();
    }

    /// <summary>Accents typed as separate characters stay in their word; emoji variation selectors do not.</summary>
    private static bool IsCombiningMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        && rune.Value is not (>= 0xFE00 and <= 0xFE0F);
}
