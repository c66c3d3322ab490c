using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcedureReference.Parsing;
using ProcedureReference.Rendering;
using ProcedureReference.Similarity;

namespace ProcedureReference.Storage;

/// <summary>
/// Writes a new database file from parsed pages: schema from the EF migrations, then every row through
/// prepared statements in one transaction (bulk speed; the file is not live until the importer publishes it).
/// </summary>
public sealed class ContentWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insertPage;
    private readonly SqliteCommand _insertSection;
    private readonly SqliteCommand _insertSearchRow;
    private readonly SqliteCommand _insertSimilarCode;
    private int _nextPageId = 1;

    public ContentWriter(string path)
    {
        using (var db = new ReferenceDb(ReferenceDb.OptionsFor(path)))
            db.Database.Migrate();

        _connection = new SqliteConnection(SqliteFiles.ConnectionString(path));
        _connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
        _transaction = _connection.BeginTransaction();
        _insertPage = Prepare("""
            INSERT INTO pages (Id, Code, System, Title, Name, CommonNames, TechnicalTerm, SourceFile, ContentHash, Ordinal)
            VALUES ($id, $code, $system, $title, $name, $commonNames, $technicalTerm, $sourceFile, $contentHash, 0)
            """, "$id", "$code", "$system", "$title", "$name", "$commonNames", "$technicalTerm", "$sourceFile", "$contentHash");
        _insertSection = Prepare("""
            INSERT INTO sections (PageId, Position, Kind, Heading, Markdown, Html)
            VALUES ($pageId, $position, $kind, $heading, $markdown, $html)
            """, "$pageId", "$position", "$kind", "$heading", "$markdown", "$html");
        var columns = SearchColumns.All;
        _insertSearchRow = Prepare(
            $"INSERT INTO {SearchColumns.Table} (rowid, {string.Join(", ", columns)}) VALUES ($rowid, {string.Join(", ", columns.Select((_, i) => "$c" + i))})",
            ["$rowid", .. columns.Select((_, i) => "$c" + i)]);
        _insertSimilarCode = Prepare("""
            INSERT INTO similar_codes (PageId, Position, Code, Title, Score, Reason, Source)
            VALUES ($pageId, $position, $code, $title, $score, $reason, $source)
            """, "$pageId", "$position", "$code", "$title", "$score", "$reason", "$source");
    }

    /// <summary>Writes a page and returns the id it was stored under.</summary>
    public int Add(ParsedPage page, string contentHash)
    {
        var id = _nextPageId++;
        Bind(_insertPage, id, page.Code, page.System, page.Title, page.Name, string.Join('\n', page.CommonNames),
            page.TechnicalTerm, page.File, contentHash);
        _insertPage.ExecuteNonQuery();

        var kindText = new string?[Enum.GetValues<SectionKind>().Length];
        for (var position = 0; position < page.Sections.Count; position++)
        {
            var section = page.Sections[position];
            Bind(_insertSection, id, position, section.Kind.ToName(), section.Heading, section.Markdown, SectionHtml.Render(section.Markdown));
            _insertSection.ExecuteNonQuery();
            var text = MarkdownWriter.PlainText(section.Markdown);
            var k = (int)section.Kind;
            kindText[k] = kindText[k] is null ? text : kindText[k] + "\n" + text;
        }

        var names = string.Join('\n', new[] { page.Name, page.TechnicalTerm }.Concat(page.CommonNames).Where(n => !string.IsNullOrEmpty(n)));
        Bind(_insertSearchRow, [id, page.Title, names, .. kindText]);
        _insertSearchRow.ExecuteNonQuery();
        return id;
    }

    /// <summary>Writes a page's similar codes, in their order.</summary>
    public void AddSimilarCodes(PageSimilarCodes similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        for (var position = 0; position < similar.Codes.Count; position++)
        {
            var code = similar.Codes[position];
            Bind(_insertSimilarCode, similar.PageId, position, code.Code, code.Title, code.Score, code.Reason, code.Source);
            _insertSimilarCode.ExecuteNonQuery();
        }
    }

    /// <summary>Numbers pages in code order, records the content facts and commits.</summary>
    public void Complete(IReadOnlyDictionary<string, string> contentInfo)
    {
        Execute("""
            UPDATE pages SET Ordinal = (SELECT n FROM (SELECT Id, row_number() OVER (ORDER BY System, length(Code), Code) AS n FROM pages) AS o WHERE o.Id = pages.Id)
            """);
        using var info = Prepare("INSERT INTO content_info (Key, Value) VALUES ($key, $value)", "$key", "$value");
        foreach (var (key, value) in contentInfo.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Bind(info, key, value);
            info.ExecuteNonQuery();
        }
        Execute($"INSERT INTO {SearchColumns.Table}({SearchColumns.Table}) VALUES ('optimize')");
        _transaction.Commit();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
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
