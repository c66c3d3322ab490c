using Npgsql;
using NpgsqlTypes;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// Writes one new content version: its own standalone tables (pages_v{id} and the rest), filled by binary COPY,
/// indexed once the rows are in (building an index once is far cheaper than keeping it up row by row), then
/// attached as the version's partitions in one transaction. Nothing is visible to a reader before the attach, and
/// nothing is live before the store publishes the version, so a failure or a kill at any point leaves the live
/// version whole; the store drops what is left. Failures surface as <see cref="StorageException"/>s.
/// </summary>
/// <remarks>
/// Sections and search documents stream to the server as the importer adds pages, on two connections of their own
/// (one COPY per connection at a time); similar codes follow on one of them once every page is in. Page rows are
/// small and are kept until <see cref="Complete"/>, which numbers them in code order before they are copied.
/// </remarks>
public sealed partial class PostgresContentWriter : IContentWriter
{
    private readonly long _version;
    private readonly NpgsqlConnection _main;
    private readonly NpgsqlConnection _sectionsConnection;
    private readonly NpgsqlConnection _documentsConnection;
    private readonly List<PageRow> _pages = [];
    private readonly SearchWords _words = new();
    private NpgsqlBinaryImporter? _sections;
    private NpgsqlBinaryImporter? _documents;
    private NpgsqlBinaryImporter? _similar;
    private int _nextPageId = 1;

    private PostgresContentWriter(string connectionString, long version)
    {
        _version = version;
        // An import is no request: its COPYs stay open while the importer reads every page, and an index build on a
        // large corpus may take minutes, so nothing it sends is stopped by the store's command timeout.
        var unbounded = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        _main = Open(unbounded);
        _sectionsConnection = Open(unbounded);
        _documentsConnection = Open(unbounded);
        CreateTables();
        _sections = BeginCopy(_sectionsConnection,
            $"COPY {Table("sections")} (version_id, page_id, position, kind, heading, markdown, html, reading_grade) FROM STDIN (FORMAT BINARY)");
        _documents = BeginCopy(_documentsConnection,
            $"COPY {Table("search_documents")} (version_id, page_id, {string.Join(", ", SearchColumns.All)}) FROM STDIN (FORMAT BINARY)");
    }

    /// <summary>Opens a writer for version <paramref name="version"/> (its content_versions row exists), with its tables created and empty.</summary>
    public static PostgresContentWriter Create(string connectionString, long version)
    {
        try
        {
            return new PostgresContentWriter(connectionString, version);
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw Failed(version, e);
        }
    }

    public long Version => _version;

    public int Add(ParsedPage page, PageRows rows, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(rows);
        if (_sections is null || _documents is null) throw new InvalidOperationException("pages are added before similar codes");
        var id = _nextPageId++;
        try
        {
            _pages.Add(new PageRow(id, page.Code!, page.System!, page.Title!, page.Name, string.Join('\n', page.CommonNames),
                page.TechnicalTerm, page.File, contentHash, rows.PageGrade));
            for (var position = 0; position < page.Sections.Count; position++)
            {
                var section = page.Sections[position];
                _sections.StartRow();
                _sections.Write(_version, NpgsqlDbType.Bigint);
                _sections.Write(id, NpgsqlDbType.Integer);
                _sections.Write(position, NpgsqlDbType.Integer);
                _sections.Write(section.Kind.ToName(), NpgsqlDbType.Text);
                WriteText(_sections, section.Heading);
                _sections.Write(section.Markdown, NpgsqlDbType.Text);
                _sections.Write(rows.SectionHtml[position], NpgsqlDbType.Text);
                WriteGrade(_sections, rows.SectionGrades[position]);
            }
            _documents.StartRow();
            _documents.Write(_version, NpgsqlDbType.Bigint);
            _documents.Write(id, NpgsqlDbType.Integer);
            foreach (var text in rows.SearchColumns) WriteText(_documents, (string?)text);
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw Failed(_version, e);
        }
        _words.AddPage(rows.SearchColumns);
        return id;
    }

    public void AddSimilarCodes(PageSimilarCodes similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        try
        {
            _similar ??= StartSimilarCodes();
            for (var position = 0; position < similar.Codes.Count; position++)
            {
                var code = similar.Codes[position];
                _similar.StartRow();
                _similar.Write(_version, NpgsqlDbType.Bigint);
                _similar.Write(similar.PageId, NpgsqlDbType.Integer);
                _similar.Write(position, NpgsqlDbType.Integer);
                _similar.Write(code.Code, NpgsqlDbType.Text);
                _similar.Write(code.Title, NpgsqlDbType.Text);
                _similar.Write(code.Score, NpgsqlDbType.Double);
                _similar.Write(code.Reason, NpgsqlDbType.Text);
                _similar.Write(code.Source, NpgsqlDbType.Text);
            }
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw Failed(_version, e);
        }
    }

    /// <summary>Every page is in once similar codes begin: the section and document copies end, and similar codes take the sections' connection.</summary>
    private NpgsqlBinaryImporter StartSimilarCodes()
    {
        FinishPageCopies();
        return BeginCopy(_sectionsConnection,
            $"COPY {Table("similar_codes")} (version_id, page_id, position, code, title, score, reason, source) FROM STDIN (FORMAT BINARY)");
    }

    private void FinishPageCopies()
    {
        Finish(ref _sections);
        Finish(ref _documents);
    }

    private static void Finish(ref NpgsqlBinaryImporter? importer)
    {
        if (importer is null) return;
        importer.Complete();
        importer.Dispose();
        importer = null;
    }

    public void Complete(IReadOnlyDictionary<string, string> contentInfo)
    {
        ArgumentNullException.ThrowIfNull(contentInfo);
        try
        {
            FinishPageCopies();
            Finish(ref _similar);
            CopyPages();
            CopyContentInfo(contentInfo);
            CopySearchWords();
            BuildIndexes();
            Attach();
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw Failed(_version, e);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(PostgresFailure.IsPostgresFailure) is { } first)
        {
            throw Failed(_version, first);
        }
    }

    private string Table(string parent) => VersionTables.Of(parent, _version);

    private static void WriteText(NpgsqlBinaryImporter importer, string? text)
    {
        if (text is null) importer.WriteNull();
        else importer.Write(text, NpgsqlDbType.Text);
    }

    private static void WriteGrade(NpgsqlBinaryImporter importer, double? grade)
    {
        if (grade is { } value) importer.Write(value, NpgsqlDbType.Double);
        else importer.WriteNull();
    }

    /// <summary>A binary COPY with no timeout (TimeSpan.Zero is Npgsql's 'infinite' here; InfiniteTimeSpan would be read as zero).</summary>
    private static NpgsqlBinaryImporter BeginCopy(NpgsqlConnection connection, string copy)
    {
        var importer = connection.BeginBinaryImport(copy);
        importer.Timeout = TimeSpan.Zero;
        return importer;
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static StorageException Failed(long version, Exception e) =>
        PostgresFailure.Wrap($"could not write content version {version}", e);

    public void Dispose()
    {
        // An importer disposed before Complete cancels its COPY: the rows never land, and the store drops the tables.
        foreach (var importer in new[] { _sections, _documents, _similar })
        {
            try
            {
                importer?.Dispose();
            }
            catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
            {
                // the connection is gone already; disposing it below is all that is left
            }
        }
        _main.Dispose();
        _sectionsConnection.Dispose();
        _documentsConnection.Dispose();
    }

    private sealed record PageRow(int Id, string Code, string System, string Title, string? Name, string CommonNames,
        string? TechnicalTerm, string SourceFile, string ContentHash, double? ReadingGrade);
}
