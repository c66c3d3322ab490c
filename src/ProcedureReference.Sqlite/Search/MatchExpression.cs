using ProcedureReference.Parsing;
using ProcedureReference.Search;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Writes the FTS5 MATCH expression for a query plan. Every word is quoted as an FTS5 string (Datasette's
/// escape_fts: wrap in double quotes, double any inside), so nothing a user types acts as syntax: AND, OR, NOT
/// and NEAR become plain words, and column filters or '*' cannot be injected. Units are ANDed; a unit with
/// synonyms becomes an OR group of phrases. The only unquoted text is the column filter, and its name comes
/// from <see cref="SectionKind"/>, never from the query.
/// </summary>
internal static class MatchExpression
{
    public static string For(IReadOnlyList<QueryUnit> units) => string.Join(" AND ", units.Select(Unit));

    /// <summary>The expression limited to one section's column: <c>{risks} : (...)</c>.</summary>
    public static string For(IReadOnlyList<QueryUnit> units, SectionKind section) => $"{{{section.ToName()}}} : ({For(units)})";

    /// <summary>One unit's expression: a quoted word or phrase (a prefix with '*'), or an OR group with its synonyms.</summary>
    public static string Unit(QueryUnit unit)
    {
        var typed = Phrase(unit.Words) + (unit.Prefix ? "*" : "");
        return unit.Synonyms.Count == 0
            ? typed
            : "(" + string.Join(" OR ", [typed, .. unit.Synonyms.Select(Phrase)]) + ")";
    }

    /// <summary>An FTS5 string; several words in one string are a phrase.</summary>
    public static string Phrase(IEnumerable<string> words) => "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
