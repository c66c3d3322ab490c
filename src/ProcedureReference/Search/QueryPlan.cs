using System.Text.RegularExpressions;
using ProcedureReference.Parsing;

namespace ProcedureReference.Search;

/// <summary>
/// One unit of a full-text query: a word or phrase as typed, the other entries of its synonym group, and
/// whether it is matched as a prefix (the last word typed, which may be unfinished).
/// </summary>
internal sealed record QueryUnit(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> Synonyms, bool Prefix);

/// <summary>
/// What an untrusted query asks for, worked out once: the code terms to look up (78458, 784, J1100, K35.80)
/// and the word units to match in the text, with their synonyms. Code-like words are looked up as codes; the
/// other words make the text query. A query of code-like words only is also searched as text, which finds the
/// pages that mention the code.
/// </summary>
internal sealed partial class QueryPlan
{
    private QueryPlan(IReadOnlyList<string> words, IReadOnlyList<string> codeTerms, IReadOnlyList<QueryUnit> units)
    {
        Words = words;
        CodeTerms = codeTerms;
        Units = units;
    }

    /// <summary>The query's words, lower case, capped.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Codes or code prefixes, upper case as codes are stored.</summary>
    public IReadOnlyList<string> CodeTerms { get; }

    public IReadOnlyList<QueryUnit> Units { get; }

    public bool IsEmpty => CodeTerms.Count == 0 && Units.Count == 0;

    /// <summary>The synonyms searched besides what was typed, each once.</summary>
    public IReadOnlyList<string> ExpandedTerms =>
        Units.SelectMany(u => u.Synonyms).Select(s => string.Join(' ', s)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Longest last word searched as a prefix at first: FTS5 keeps prefix indexes for 2 and 3 characters.</summary>
    public const int IndexedPrefixLength = 3;

    /// <summary>Whether the last unit is a prefix longer than FTS5's prefix indexes (see <see cref="Create"/>).</summary>
    public bool HasLongPrefix => Units.Count > 0 && Units[^1] is { Prefix: true } last && last.Words[0].Length > IndexedPrefixLength;

    /// <summary>
    /// The plan of a query. Its last word may be unfinished, so it is matched as a prefix; but a prefix longer
    /// than the indexed ones makes FTS5 merge the page lists of every term it starts, at each statement of a
    /// search ('pain' is 'pain', 'painful', 'painless': 10,000 pages). So a long last word is a whole word first,
    /// and a prefix (<paramref name="longPrefix"/>) only when that finds nothing ('thromb').
    /// </summary>
    public static QueryPlan Create(string? text, Synonyms synonyms, bool longPrefix = false)
    {
        var words = QueryTokens.OfQuery(text);
        var codeTerms = new List<string>();
        // A whole query shaped like a code with punctuation (K35.80) is looked up as typed; its words alone
        // ('k35', '80') would lose the dot.
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length <= 12 && trimmed.Any(c => c is '.' or '-') && Codes.ProcedureCode.IsCodeShaped(trimmed))
            codeTerms.Add(Codes.ProcedureCode.Parse(trimmed).ToString());
        codeTerms.AddRange(words.Where(IsCodeLike).Select(w => w.ToUpperInvariant()));

        var textWords = words.Where(w => !IsCodeLike(w)).ToList();
        if (textWords.Count == 0) textWords = [.. words];
        return new(words, codeTerms.Distinct(StringComparer.Ordinal).ToList(), UnitsOf(textWords, synonyms, longPrefix));
    }

    private static List<QueryUnit> UnitsOf(List<string> words, Synonyms synonyms, bool longPrefix)
    {
        var units = new List<QueryUnit>();
        for (var i = 0; i < words.Count;)
        {
            if (synonyms.TryMatch(words, i, out var length, out var group))
            {
                // A word found in the synonyms file is a whole word, so no prefix: 'pe' must not match 'performed'.
                var typed = words.GetRange(i, length);
                var others = group.Where(entry => !entry.SequenceEqual(typed, StringComparer.Ordinal)).ToList();
                units.Add(new QueryUnit(typed, others, Prefix: false));
                i += length;
            }
            else if (StopWords.Contains(words[i]) && !words.TrueForAll(StopWords.Contains))
            {
                // 'blood in the urine': 'in' and 'the' are on every page, so they narrow nothing and cost a walk of
                // every page at each statement. A query of stop words only keeps them.
                i++;
            }
            else
            {
                // A one-letter prefix would match a large part of the vocabulary for little use.
                var isLast = i == words.Count - 1;
                var wordLength = words[i].Length;
                units.Add(new QueryUnit([words[i]], [], Prefix: isLast && wordLength > 1 && (wordLength <= IndexedPrefixLength || longPrefix)));
                i++;
            }
        }
        return units;
    }

    /// <summary>
    /// A code or the start of one, as a search-box word: three digits or more (784, 78458, 0042t), a letter and two
    /// digits or more (j11, j1100, k35), or seven characters starting with a digit (ICD-10-PCS 0dtj4zz).
    /// </summary>
    public static bool IsCodeLike(string word) => CodeLikeWord().IsMatch(word);

    [GeneratedRegex("^(?:[0-9]{3}[a-z0-9]{0,5}|[a-z][0-9]{2}[a-z0-9]{0,5}|[0-9][a-z0-9]{6})$")]
    private static partial Regex CodeLikeWord();

    /// <summary>Words too common in explainers to narrow a search; dropped from the text query unless they are all it has.</summary>
    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "is", "it",
        "its", "me", "my", "of", "on", "or", "the", "to", "what", "when", "will", "with",
    };
}
