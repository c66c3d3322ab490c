using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The snippet SQL of a search. Every statement text is fixed (built from constants and SearchColumns, never
/// from the query); values travel as parameters: $match (the FTS5 expression) and $ids (JSON array of page ids).
/// </summary>
internal static class SearchSql
{
    /// <summary>Snippet length in tokens.</summary>
    private const int SnippetTokens = 12;

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

    private static string Snippet(int column) =>
        $"snippet({SearchColumns.Table}, {column}, {SnippetHtml.OpenSql}, {SnippetHtml.CloseSql}, '…', {SnippetTokens})";
}
