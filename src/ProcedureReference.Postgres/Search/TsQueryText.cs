using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>
/// Writes the text of a tsquery for a query plan, for <c>to_tsquery('procref', @query)</c>, which stems and folds
/// accents in each lexeme as the documents were. User text never reaches to_tsquery raw: the plan's words are
/// already letters and digits only, and each is still quoted as a lexeme (<c>'word'</c>, a quote or backslash
/// inside escaped), so '&amp;', '|', '!', '&lt;-&gt;', ':*' and weights cannot be injected; the only operators are
/// the ones written here. Units are ANDed; a unit with synonyms is an OR group; the words of a phrase follow each
/// other (<c>&lt;-&gt;</c>); an unfinished last word is a prefix (<c>:*</c>). The text travels as a parameter.
/// </summary>
internal static class TsQueryText
{
    public static string For(IReadOnlyList<QueryUnit> units) => For(units, weights: "");

    /// <summary>
    /// The same query matching only in the descriptor and names (weights A and B): which pages lead a broad
    /// search, read from the document's GIN index like the query itself.
    /// </summary>
    public static string InDescriptorOrNames(IReadOnlyList<QueryUnit> units) => For(units, weights: "AB");

    /// <summary>
    /// Any word of the query (each word of every unit and synonym, the unfinished last word as a prefix), ORed:
    /// which texts have something for a headline to mark.
    /// </summary>
    public static string AnyWord(IReadOnlyList<QueryUnit> units) =>
        string.Join(" | ", units.SelectMany(unit =>
            unit.Words.Select((word, i) => Lexeme(word, unit.Prefix && i == unit.Words.Count - 1))
                .Concat(unit.Synonyms.SelectMany(words => words.Select(word => Lexeme(word))))).Distinct(StringComparer.Ordinal));

    private static string For(IReadOnlyList<QueryUnit> units, string weights) =>
        string.Join(" & ", units.Select(unit => Unit(unit, weights)));

    private static string Unit(QueryUnit unit, string weights)
    {
        var typed = Phrase(unit.Words, unit.Prefix, weights);
        return unit.Synonyms.Count == 0
            ? typed
            : "(" + string.Join(" | ", [typed, .. unit.Synonyms.Select(words => Phrase(words, prefix: false, weights))]) + ")";
    }

    /// <summary>Words that follow each other; the prefix mark goes on the last.</summary>
    private static string Phrase(IReadOnlyList<string> words, bool prefix, string weights)
    {
        var lexemes = words.Select((word, i) => Lexeme(word, prefix && i == words.Count - 1, weights));
        var phrase = string.Join(" <-> ", lexemes);
        return words.Count > 1 ? "(" + phrase + ")" : phrase;
    }

    /// <summary>A quoted lexeme: <c>'word'</c>, <c>'word':*</c>, <c>'word':AB</c>.</summary>
    public static string Lexeme(string word, bool prefix = false, string weights = "")
    {
        var quoted = "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
        var label = (prefix ? "*" : "") + weights;
        return label.Length == 0 ? quoted : quoted + ":" + label;
    }
}
