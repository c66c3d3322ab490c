using Npgsql;
using NpgsqlTypes;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;

namespace ProcedureReference.Tests.Postgres.Support;

/// <summary>
/// TEST SUPPORT ONLY, until pg-store's PostgresContentWriter and store land: content versions written with plain
/// INSERTs into a version's partitions (the pages parsed by the real importer, with the domain's PageRows), and
/// a publish as the store makes it: live_content updated and NOTIFY sent in one transaction.
/// </summary>
public static class TestPostgresContent
{
    /// <summary>Imports <paramref name="content"/> into a new version and returns its id (not published).</summary>
    public static long Import(NpgsqlDataSource source, string content)
    {
        Writer? writer = null;
        var report = Importer.Run(new ImportOptions(content), () => writer = new Writer(source), new Dictionary<string, string>());
        if (!report.Succeeded) throw new InvalidOperationException(report.FatalError);
        return writer!.Version;
    }

    /// <summary>Makes <paramref name="version"/> live; <paramref name="notify"/> false plays a lost notification.</summary>
    public static void Publish(NpgsqlDataSource source, long version, bool notify = true)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, """
            INSERT INTO live_content (singleton, version_id, changed_at) VALUES (true, $1, now())
            ON CONFLICT (singleton) DO UPDATE SET version_id = excluded.version_id, changed_at = excluded.changed_at
            """, version);
        Execute(connection, "UPDATE content_versions SET state = 'published', published_at = now(), published_by = 'test' WHERE id = $1", version);
        if (notify) Execute(connection, $"NOTIFY {PostgresContentVersions.Channel}, '{version}'");
        transaction.Commit();
    }

    public static long ImportAndPublish(NpgsqlDataSource source, string content)
    {
        var version = Import(source, content);
        Publish(source, version);
        return version;
    }

    private static void Execute(NpgsqlConnection connection, string sql, params object?[] values)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        command.ExecuteNonQuery();
    }

    private sealed class Writer : IContentWriter
    {
        private static readonly string[] Tables = ["pages", "sections", "similar_codes", "content_info", "search_documents", "search_words"];
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly Dictionary<string, int> _wordPages = new(StringComparer.Ordinal);
        private int _nextPageId = 1;

        public Writer(NpgsqlDataSource source)
        {
            _connection = source.OpenConnection();
            _transaction = _connection.BeginTransaction();
            using var command = new NpgsqlCommand(
                "INSERT INTO content_versions (state, created_at, created_by, source) VALUES ('building', now(), 'test', 'test') RETURNING id", _connection);
            Version = (long)command.ExecuteScalar()!;
            foreach (var table in Tables) Execute(_connection, $"CREATE TABLE {table}_v{Version} PARTITION OF {table} FOR VALUES IN ({Version})");
        }

        public long Version { get; }

        public int Add(ParsedPage page, PageRows rows, string contentHash)
        {
            var id = _nextPageId++;
            Execute(_connection, """
                INSERT INTO pages (version_id, id, code, system, title, name, common_names, technical_term, source_file, content_hash, ordinal)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0)
                """, Version, id, page.Code, page.System, page.Title, page.Name, string.Join('\n', page.CommonNames),
                page.TechnicalTerm, page.File, contentHash);
            for (var position = 0; position < page.Sections.Count; position++)
            {
                var section = page.Sections[position];
                Execute(_connection, "INSERT INTO sections VALUES ($1, $2, $3, $4, $5, $6, $7)", Version, id, position, section.Kind.ToName(),
                    section.Heading, section.Markdown, rows.SectionHtml[position]);
            }
            var columns = SearchColumns.All;
            Execute(_connection,
                $"INSERT INTO search_documents (version_id, page_id, {string.Join(", ", columns)}) VALUES ($1, $2, {string.Join(", ", columns.Select((_, i) => "$" + (i + 3)))})",
                [Version, id, .. rows.SearchColumns]);
            // The words as the SQLite vocabulary keeps them: lower case, letters only, counted once per page.
            foreach (var word in rows.SearchColumns.OfType<string>().SelectMany(QueryTokens.Words).Where(w => w.All(char.IsLetter)).Distinct(StringComparer.Ordinal))
                _wordPages[word] = _wordPages.GetValueOrDefault(word) + 1;
            return id;
        }

        public void AddSimilarCodes(PageSimilarCodes similar)
        {
            for (var position = 0; position < similar.Codes.Count; position++)
            {
                var code = similar.Codes[position];
                Execute(_connection, "INSERT INTO similar_codes VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    Version, similar.PageId, position, code.Code, code.Title, code.Score, code.Reason, code.Source);
            }
        }

        public void Complete(IReadOnlyDictionary<string, string> contentInfo)
        {
            Execute(_connection, """
                UPDATE pages SET ordinal = o.n FROM (SELECT id, row_number() OVER (ORDER BY system, length(code), code) AS n FROM pages WHERE version_id = $1) o
                WHERE pages.version_id = $1 AND pages.id = o.id
                """, Version);
            foreach (var (key, value) in contentInfo) Execute(_connection, "INSERT INTO content_info VALUES ($1, $2, $3)", Version, key, value);
            using (var words = new NpgsqlCommand("INSERT INTO search_words SELECT $1, w, n FROM unnest($2::text[], $3::int[]) AS u(w, n)", _connection))
            {
                words.Parameters.Add(new NpgsqlParameter { Value = Version });
                words.Parameters.Add(new NpgsqlParameter { Value = _wordPages.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                words.Parameters.Add(new NpgsqlParameter { Value = _wordPages.Values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
                words.ExecuteNonQuery();
            }
            var v = Version;
            Execute(_connection, $"""
                ALTER TABLE pages_v{v} ADD PRIMARY KEY (id), ADD UNIQUE (code);
                CREATE INDEX ON pages_v{v} (ordinal);
                CREATE INDEX ON sections_v{v} (page_id, position);
                CREATE INDEX ON similar_codes_v{v} (page_id, position);
                ALTER TABLE search_documents_v{v} ADD PRIMARY KEY (page_id);
                CREATE INDEX ON search_documents_v{v} USING gin (document);
                ALTER TABLE search_words_v{v} ADD PRIMARY KEY (word);
                CREATE INDEX ON search_words_v{v} USING gin (word gin_trgm_ops);
                UPDATE content_versions SET state = 'staged' WHERE id = {v};
                """);
            _transaction.Commit();
        }

        public void Dispose()
        {
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
