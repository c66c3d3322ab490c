using System.Globalization;
using ProcedureReference.Storage;

namespace ProcedureReference.Search;

/// <summary>
/// The SQL of a search. Every statement text is fixed (built from constants and SearchColumns, never from the
/// query); values travel as parameters: $codeIds (JSON array of page ids found by code, in order), $match (the
/// FTS5 expression), $system, $category (null = no filter), $limit, $offset, $ids.
/// </summary>
internal static class SearchSql
{
    /// <summary>The SQLite function that gives a page's category from its system and code (registered per connection).</summary>
    public const string CategoryFunction = "code_category";

    /// <summary>Snippet length in tokens.</summary>
    private const int SnippetTokens = 12;

    /// <summary>bm25 with field weights: a match in the title counts most, then names, summary, purpose, the rest.</summary>
    private static readonly string Bm25 =
        $"bm25({SearchColumns.Table}, {string.Join(", ", SearchColumns.All.Select(c => Weight(c).ToString("0.0", CultureInfo.InvariantCulture)))})";

    private static double Weight(string column) => column switch
    {
        SearchColumns.Title => 10,
        SearchColumns.Names => 8,
        "summary" => 4,
        "purpose" => 2,
        _ => 1,
    };

    /// <summary>
    /// The matched pages under the filters, as CTE 'matched' (Id, tier, pos, score, Code, System, Title, Ordinal):
    /// code hits (tier 0, in the given order) then text hits not already found by code (tier 1, by bm25).
    /// </summary>
    private static string Matched(bool hasMatch) => $"""
        WITH code_hits(Id, pos) AS (
            SELECT CAST(value AS INTEGER), CAST(key AS INTEGER) FROM json_each($codeIds)),
        word_hits(Id, score) AS (
            {(hasMatch
                ? $"SELECT rowid, {Bm25} FROM {SearchColumns.Table} WHERE {SearchColumns.Table} MATCH $match"
                : "SELECT 0, 0.0 WHERE 0")}),
        hits(Id, tier, pos, score) AS (
            SELECT Id, 0, pos, 0.0 FROM code_hits
            UNION ALL
            SELECT Id, 1, 0, score FROM word_hits WHERE Id NOT IN (SELECT Id FROM code_hits)),
        matched AS (
            SELECT h.Id, h.tier, h.pos, h.score, p.Code, p.System, p.Title, p.Ordinal
            FROM hits AS h JOIN pages AS p ON p.Id = h.Id
            WHERE ($system IS NULL OR p.System = $system)
              AND ($category IS NULL OR {CategoryFunction}(p.System, p.Code) = $category))
        """;

    public static string Page(bool hasMatch) => Matched(hasMatch) + """

        SELECT Id, Code, System, Title, tier, score FROM matched
        ORDER BY tier, pos, score, Ordinal
        LIMIT $limit OFFSET $offset
        """;

    public static string Count(bool hasMatch) => Matched(hasMatch) + "\nSELECT count(*) FROM matched";

    public static string SystemCounts(bool hasMatch) => Matched(hasMatch) + "\nSELECT System, count(*) FROM matched GROUP BY System";

    public static string CategoryCounts(bool hasMatch) => Matched(hasMatch) + $"""

        SELECT category, count(*) FROM (SELECT {CategoryFunction}(System, Code) AS category FROM matched)
        WHERE category IS NOT NULL GROUP BY category
        """;

    /// <summary>The columns <see cref="Snippets"/> returns after the rowid: the title, then every section kind (declared first: Snippets uses it).</summary>
    public static IReadOnlyList<int> SnippetColumns { get; } = [0, .. Enumerable.Range(2, SearchColumns.All.Count - 2)];

    /// <summary>
    /// A snippet from each section column (0 = title as a last resort, then 2.. = the section kinds) for the
    /// pages in $ids, so the caller can pick the section that matches best and link to it.
    /// </summary>
    public static readonly string Snippets =
        $"SELECT rowid, {string.Join(", ", SnippetColumns.Select(Snippet))} FROM {SearchColumns.Table} " +
        $"WHERE {SearchColumns.Table} MATCH $match AND rowid IN (SELECT value FROM json_each($ids))";

    /// <summary>The summary and title of pages found by code alone (no text match to cut a snippet around).</summary>
    public static readonly string Leads =
        $"SELECT rowid, summary, {SearchColumns.Title} FROM {SearchColumns.Table} WHERE rowid IN (SELECT value FROM json_each($ids))";

    /// <summary>Pages whose code is the term or starts with it (LIKE wildcards escaped), exact first, then in code order.</summary>
    public const string CodeLookup = """
        SELECT Id, Code = $code AS exact, Ordinal FROM pages
        WHERE Code = $code OR Code LIKE $prefix ESCAPE '\'
        ORDER BY exact DESC, Ordinal
        LIMIT $limit
        """;

    private static string Snippet(int column) =>
        $"snippet({SearchColumns.Table}, {column}, {SnippetHtml.OpenSql}, {SnippetHtml.CloseSql}, '…', {SnippetTokens})";
}
