using Npgsql;
using NpgsqlTypes;
using ProcedureReference.Parsing;

namespace ProcedureReference.Postgres;

/// <summary>The version's tables: created bare, filled, indexed after the rows are in, then attached.</summary>
public sealed partial class PostgresContentWriter
{
    /// <summary>
    /// Each table is LIKE its parent with its defaults and the generated tsvector column (so the server computes
    /// the weighted document as rows arrive), plus the CHECK that lets ATTACH skip scanning the rows to prove they
    /// belong to the partition.
    /// </summary>
    private void CreateTables()
    {
        foreach (var parent in VersionTables.Parents)
        {
            VersionTables.Execute(_main, $"""
                CREATE TABLE {Table(parent)} (LIKE {parent} INCLUDING DEFAULTS INCLUDING GENERATED,
                    CONSTRAINT {Table(parent)}_version CHECK (version_id = {_version}))
                """);
        }
    }

    /// <summary>Numbers the pages in code order as SQLite does (System, length(Code), Code; ordinal from 1) and copies them.</summary>
    private void CopyPages()
    {
        var ordered = _pages.OrderBy(p => p.System, StringComparer.Ordinal).ThenBy(p => p.Code.Length).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        using var importer = BeginCopy(_main, $"""
            COPY {Table("pages")} (version_id, id, code, system, title, name, common_names, technical_term, source_file, content_hash, ordinal, reading_grade)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < ordered.Count; i++)
        {
            var page = ordered[i];
            importer.StartRow();
            importer.Write(_version, NpgsqlDbType.Bigint);
            importer.Write(page.Id, NpgsqlDbType.Integer);
            importer.Write(page.Code, NpgsqlDbType.Text);
            importer.Write(page.System, NpgsqlDbType.Text);
            importer.Write(page.Title, NpgsqlDbType.Text);
            WriteText(importer, page.Name);
            importer.Write(page.CommonNames, NpgsqlDbType.Text);
            WriteText(importer, page.TechnicalTerm);
            importer.Write(page.SourceFile, NpgsqlDbType.Text);
            importer.Write(page.ContentHash, NpgsqlDbType.Text);
            importer.Write(i + 1, NpgsqlDbType.Integer);
            WriteGrade(importer, page.ReadingGrade);
        }
        importer.Complete();
    }

    private void CopyContentInfo(IReadOnlyDictionary<string, string> contentInfo)
    {
        using var importer = BeginCopy(_main, $"COPY {Table("content_info")} (version_id, key, value) FROM STDIN (FORMAT BINARY)");
        foreach (var (key, value) in contentInfo.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            importer.StartRow();
            importer.Write(_version, NpgsqlDbType.Bigint);
            importer.Write(key, NpgsqlDbType.Text);
            importer.Write(value, NpgsqlDbType.Text);
        }
        importer.Complete();
    }

    private void CopySearchWords()
    {
        using var importer = BeginCopy(_main, $"COPY {Table("search_words")} (version_id, word, pages) FROM STDIN (FORMAT BINARY)");
        foreach (var (word, pages) in _words.PageCounts)
        {
            importer.StartRow();
            importer.Write(_version, NpgsqlDbType.Bigint);
            importer.Write(word, NpgsqlDbType.Text);
            importer.Write(pages, NpgsqlDbType.Integer);
        }
        importer.Complete();
    }

    /// <summary>
    /// One row per page and section kind that has text, its tsvector computed by the server from the section text
    /// the documents' COPY brought in (so the text crosses the wire once): the section filter and facets read it.
    /// Parsing every section is the costly part of an import's end, so it runs in two halves (odd and even pages) on
    /// two connections at once.
    /// </summary>
    private string FillSearchSections(int half)
    {
        var kinds = Enum.GetValues<SectionKind>().Select(k => $"({(int)k}::smallint, {k.ToName()})");
        return $"""
            INSERT INTO {Table("search_sections")} (version_id, page_id, kind, vector)
            SELECT d.version_id, d.page_id, s.kind, to_tsvector('procref', s.text)
            FROM {Table("search_documents")} d, LATERAL (VALUES {string.Join(", ", kinds)}) AS s(kind, text)
            WHERE s.text <> '' AND d.page_id % 2 = {half}
            """;
    }

    /// <summary>
    /// The partitions' indexes, built now that the rows are in. The GIN indexes and the sections' vectors are the
    /// slow parts: the documents' and the words' indexes are each built on a connection of its own while the main
    /// connection builds the rest; the main and the documents' connection then fill half the sections' vectors
    /// each, and their index is built once both are in. Every table is analysed so that the planner knows the new
    /// partition from its first query.
    /// </summary>
    private void BuildIndexes()
    {
        var documents = Task.Run(() => Build(_documentsConnection,
            $"ALTER TABLE {Table("search_documents")} ADD PRIMARY KEY (page_id)",
            $"CREATE INDEX ON {Table("search_documents")} USING gin (document)",
            $"CREATE INDEX ON {Table("search_documents")} USING gin (title_names)",
            $"ANALYZE {Table("search_documents")}",
            FillSearchSections(half: 1)));
        var words = Task.Run(() => Build(_sectionsConnection,
            $"ALTER TABLE {Table("search_words")} ADD PRIMARY KEY (word)",
            $"CREATE INDEX ON {Table("search_words")} USING gin (word gin_trgm_ops)",
            $"ANALYZE {Table("search_words")}"));
        Build(_main,
            $"ALTER TABLE {Table("pages")} ADD PRIMARY KEY (id)",
            $"ALTER TABLE {Table("pages")} ADD UNIQUE (code)",
            $"CREATE INDEX ON {Table("pages")} (ordinal)",
            $"CREATE INDEX ON {Table("sections")} (page_id, position)",
            $"CREATE INDEX ON {Table("similar_codes")} (page_id, position)",
            $"ALTER TABLE {Table("content_info")} ADD PRIMARY KEY (key)",
            FillSearchSections(half: 0),
            $"ANALYZE {Table("pages")}",
            $"ANALYZE {Table("sections")}",
            $"ANALYZE {Table("similar_codes")}",
            $"ANALYZE {Table("content_info")}");
        Task.WaitAll(documents, words);
        Build(_main,
            $"CREATE INDEX ON {Table("search_sections")} USING gin (vector)",
            $"CREATE INDEX ON {Table("search_sections")} (page_id)",
            $"ANALYZE {Table("search_sections")}");
    }

    private static void Build(NpgsqlConnection connection, params string[] statements)
    {
        // An index build sorts in memory up to this much before it spills to disk.
        VersionTables.Execute(connection, "SET maintenance_work_mem = '256MB'");
        foreach (var statement in statements) VersionTables.Execute(connection, statement);
    }

    /// <summary>
    /// Attaches every table as its version's partition in one transaction: the version appears whole or not at all.
    /// ATTACH takes only a SHARE UPDATE EXCLUSIVE lock on the parent, so readers of other versions go on.
    /// </summary>
    private void Attach()
    {
        using var transaction = _main.BeginTransaction();
        foreach (var parent in VersionTables.Parents)
            VersionTables.Execute(_main, $"ALTER TABLE {parent} ATTACH PARTITION {Table(parent)} FOR VALUES IN ({_version})", transaction);
        transaction.Commit();
    }
}
