using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcedureReference.Search;
using ProcedureReference.Storage;
using SQLitePCL;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The full-text side of a search. Finding which pages match is cheap in FTS5 (a walk of the terms' page
/// lists: about 5 ms for every one of 100,000 pages); scoring them with bm25 costs some 2.5 µs a page. So
/// a search scores all its matches only when they are few; a broad one scores the pages that have the words in
/// their descriptor or names (which lead anyway) and lists the rest in code order.
/// </summary>
internal static class TextMatches
{
    /// <summary>Matches scored one by one at most: about 2.5 ms of bm25.</summary>
    public const int MaxScoredPages = 1_000;

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

    public static List<int> RowIds(SqliteConnection connection, string match)
    {
        var ids = new List<int>();
        Each(connection, $"SELECT rowid FROM {SearchColumns.Table} WHERE {SearchColumns.Table} MATCH ?1", match,
            row => ids.Add(raw.sqlite3_column_int(row, 0)));
        return ids;
    }

    /// <summary>bm25 per page (lower is better) for the pages it is worth computing for; see the class summary.</summary>
    /// <param name="descriptorCount">How many pages have the words in their title or names (<see cref="UnitMatches.DescriptorMatches"/>); asked only above <see cref="MaxScoredPages"/> matches.</param>
    public static Dictionary<int, double> Scores(SqliteConnection connection, string? match, IReadOnlyList<QueryUnit> units, int matchCount, Func<int> descriptorCount)
    {
        if (match is null || matchCount == 0) return [];
        if (matchCount > MaxScoredPages)
        {
            // Under a section filter too: a descriptor match outside the section is simply not among the hits.
            // None, or too many to score: no bm25 statement at all (it walks every phrase's page list for its weights).
            var descriptors = descriptorCount();
            if (descriptors == 0 || descriptors > MaxScoredPages) return [];
            match = $"{{{SearchColumns.Title} {SearchColumns.Names}}} : ({MatchExpression.For(units)})";
        }
        var scores = new Dictionary<int, double>();
        Each(connection, $"SELECT rowid, {Bm25} FROM {SearchColumns.Table} WHERE {SearchColumns.Table} MATCH ?1", match,
            row => scores[raw.sqlite3_column_int(row, 0)] = raw.sqlite3_column_double(row, 1));
        return scores;
    }

    /// <summary>
    /// Runs a statement with the match expression as its one parameter, calling <paramref name="read"/> per row,
    /// straight through SQLite's C API: matches run to 100,000 rows, and Microsoft.Data.Sqlite's per-row
    /// bookkeeping cost more than FTS5 finding them.
    /// </summary>
    private static void Each(SqliteConnection connection, string sql, string match, Action<sqlite3_stmt> read)
    {
        var db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        using (statement)
        {
            if (rc == raw.SQLITE_OK) rc = raw.sqlite3_bind_text(statement, 1, match);
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) read(statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
