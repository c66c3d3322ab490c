using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Writes a new database file from parsed pages: schema from the EF migrations, then every row through
/// prepared statements in one transaction (bulk speed; the file is not live until the store publishes it).
/// A failure to write is reported as a <see cref="StorageException"/> naming the file and the reason.
/// </summary>
public sealed class SqliteContentWriter : IContentWriter
{
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly BulkStatement _insertPage;
    private readonly BulkStatement _insertSection;
    private readonly BulkStatement _insertSearchRow;
    private readonly BulkStatement _insertSimilarCode;
    private int _nextPageId = 1;
    private bool _pagesFinished;

    /// <summary>
    /// How much of the search index FTS5 holds in memory before it writes a segment (its default is 1 MB). A bulk
    /// load in 1 MB segments spends much of its time merging them again; with 32 MB it writes a few large segments,
    /// and the one 'optimize' after the last page merges them. The pending index counts in the import's peak memory.
    /// </summary>
    internal const int SearchIndexHashSize = 32 << 20;

    /// <summary>FTS5's own default, put back before the commit so that no later writer of the file inherits the bulk setting.</summary>
    private const int DefaultSearchIndexHashSize = 1 << 20;

    private SqliteContentWriter(string path)
    {
        _path = path;
        using (var db = new ReferenceDb(SqliteReferenceDb.OptionsFor(path)))
            db.Database.Migrate();

        _connection = new SqliteConnection(SqliteFiles.ConnectionString(path));
        _connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;");
        _transaction = _connection.BeginTransaction();
        _insertPage = new BulkStatement(_connection, """
            INSERT INTO pages (Id, Code, System, Title, Name, CommonNames, TechnicalTerm, SourceFile, ContentHash, Ordinal, ReadingGrade)
            VALUES ($id, $code, $system, $title, $name, $commonNames, $technicalTerm, $sourceFile, $contentHash, 0, $readingGrade)
            """);
        _insertSection = new BulkStatement(_connection, """
            INSERT INTO sections (PageId, Position, Kind, Heading, Markdown, Html, ReadingGrade)
            VALUES ($pageId, $position, $kind, $heading, $markdown, $html, $readingGrade)
            """);
        var columns = SearchColumns.All;
        _insertSearchRow = new BulkStatement(_connection,
            $"INSERT INTO {SearchColumns.Table} (rowid, {string.Join(", ", columns)}) VALUES ($rowid, {string.Join(", ", columns.Select((_, i) => "$c" + i))})");
        Execute($"INSERT INTO {SearchColumns.Table}({SearchColumns.Table}, rank) VALUES ('hashsize', {SearchIndexHashSize})");
        _insertSimilarCode = new BulkStatement(_connection, """
            INSERT INTO similar_codes (PageId, Position, Code, Title, Score, Reason, Source)
            VALUES ($pageId, $position, $code, $title, $score, $reason, $source)
            """);
    }

    /// <summary>Creates the database file at <paramref name="path"/> with an empty schema, ready for rows.</summary>
    public static SqliteContentWriter Create(string path)
    {
        try
        {
            return new SqliteContentWriter(path);
        }
        catch (Exception e) when (SqliteWriteFailure.IsWriteFailure(e))
        {
            throw SqliteWriteFailure.Wrap(path, e);
        }
    }

    public int Add(ParsedPage page, PageRows rows, string contentHash)
    {
        try
        {
            return AddRows(page, rows, contentHash);
        }
        catch (Exception e) when (SqliteWriteFailure.IsWriteFailure(e))
        {
            throw SqliteWriteFailure.Wrap(_path, e);
        }
    }

    private int AddRows(ParsedPage page, PageRows rows, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(rows);
        var id = _nextPageId++;
        _insertPage.Execute(id, page.Code, page.System, page.Title, page.Name, string.Join('\n', page.CommonNames),
            page.TechnicalTerm, page.File, contentHash, rows.PageGrade);

        for (var position = 0; position < page.Sections.Count; position++)
        {
            var section = page.Sections[position];
            _insertSection.Execute(id, position, section.Kind.ToName(), section.Heading, section.Markdown, rows.SectionHtml[position], rows.SectionGrades[position]);
        }

        _insertSearchRow.Execute([id, .. rows.SearchColumns]);
        return id;
    }

    public void AddSimilarCodes(PageSimilarCodes similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        try
        {
            FinishPages();
            for (var position = 0; position < similar.Codes.Count; position++)
            {
                var code = similar.Codes[position];
                _insertSimilarCode.Execute(similar.PageId, position, code.Code, code.Title, code.Score, code.Reason, code.Source);
            }
        }
        catch (Exception e) when (SqliteWriteFailure.IsWriteFailure(e))
        {
            throw SqliteWriteFailure.Wrap(_path, e);
        }
    }

    public void Complete(IReadOnlyDictionary<string, string> contentInfo)
    {
        ArgumentNullException.ThrowIfNull(contentInfo);
        try
        {
            Commit(contentInfo);
        }
        catch (Exception e) when (SqliteWriteFailure.IsWriteFailure(e))
        {
            throw SqliteWriteFailure.Wrap(_path, e);
        }
    }

    private void Commit(IReadOnlyDictionary<string, string> contentInfo)
    {
        FinishPages();
        using var info = new BulkStatement(_connection, "INSERT INTO content_info (Key, Value) VALUES ($key, $value)");
        foreach (var (key, value) in contentInfo.OrderBy(p => p.Key, StringComparer.Ordinal)) info.Execute(key, value);
        _transaction.Commit();
    }

    /// <summary>
    /// Once every page is in (the first similar codes come after the last page): numbers pages in code order and
    /// merges the search index into one segment, while the importer's other threads compute the similar codes.
    /// </summary>
    private void FinishPages()
    {
        if (_pagesFinished) return;
        _pagesFinished = true;
        Execute("""
            UPDATE pages SET Ordinal = (SELECT n FROM (SELECT Id, row_number() OVER (ORDER BY System, length(Code), Code) AS n FROM pages) AS o WHERE o.Id = pages.Id)
            """);
        Execute($"INSERT INTO {SearchColumns.Table}({SearchColumns.Table}) VALUES ('optimize')");
        Execute($"INSERT INTO {SearchColumns.Table}({SearchColumns.Table}, rank) VALUES ('hashsize', {DefaultSearchIndexHashSize})");
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insertPage.Dispose();
        _insertSection.Dispose();
        _insertSearchRow.Dispose();
        _insertSimilarCode.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
