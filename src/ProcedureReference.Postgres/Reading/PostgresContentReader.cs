using Npgsql;
using NpgsqlTypes;
using ProcedureReference.Reading;
using ProcedureReference.Storage.Entities;

namespace ProcedureReference.Postgres;

/// <summary>
/// Reads the shared store for one request (scoped): the live version is captured at the request's first read and
/// every query after it reads that version (<c>version_id = @v</c>), so a page never mixes two publishes even when
/// one lands mid-request. Raw Npgsql rather than the EF model: <see cref="ReferenceDbReader"/>'s model has no
/// version column and SQLite's column names, and a version filter would need a model of its own; five plain
/// queries do it, and the page is composed by the same domain code as on SQLite.
/// </summary>
public sealed class PostgresContentReader(NpgsqlDataSource source, IContentVersions versions, PostgresOptions options) : IContentReader
{
    private ContentVersion? _version;

    public Task<CodePage?> FindAsync(string code, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, version, token) =>
        {
            Page? page = null;
            await EachAsync(connection, """
                SELECT id, code, system, title, name, common_names, technical_term, source_file, content_hash, ordinal, reading_grade
                FROM pages WHERE version_id = $1 AND code = $2
                """, [version, code], row => page = new Page
            {
                Id = row.GetInt32(0), Code = row.GetString(1), System = row.GetString(2), Title = row.GetString(3),
                Name = Text(row, 4), CommonNames = row.GetString(5), TechnicalTerm = Text(row, 6),
                SourceFile = row.GetString(7), ContentHash = row.GetString(8), Ordinal = row.GetInt32(9), ReadingGrade = Grade(row, 10),
            }, token);
            if (page is null) return null;

            await EachAsync(connection,
                "SELECT position, kind, heading, markdown, html, reading_grade FROM sections WHERE version_id = $1 AND page_id = $2 ORDER BY position",
                [version, page.Id], row => page.Sections.Add(new Section
                {
                    PageId = page.Id, Position = row.GetInt32(0), Kind = row.GetString(1), Heading = Text(row, 2),
                    Markdown = row.GetString(3), Html = row.GetString(4), ReadingGrade = Grade(row, 5),
                }), token);
            var similar = new List<SimilarLink>();
            await EachAsync(connection, """
                SELECT s.code, s.title, s.score, s.reason, s.source, p.title, p.name, p.common_names
                FROM similar_codes s LEFT JOIN pages p ON p.version_id = $1 AND p.code = s.code
                WHERE s.version_id = $1 AND s.page_id = $2 ORDER BY s.position
                """, [version, page.Id], row =>
                {
                    var inReference = !row.IsDBNull(5);
                    similar.Add(new SimilarLink(row.GetString(0), row.GetString(1),
                        inReference ? PlainName.Of(row.GetString(5), Text(row, 6), Text(row, 7)) : row.GetString(1),
                        row.GetDouble(2), row.GetString(3), row.GetString(4), inReference));
                }, token);
            CodeLink? previous = null, next = null;
            await EachAsync(connection, "SELECT ordinal, code, title, name, common_names FROM pages WHERE version_id = $1 AND ordinal IN ($2 - 1, $2 + 1)",
                [version, page.Ordinal], row =>
                {
                    var link = new CodeLink(row.GetString(1), row.GetString(2), PlainName.Of(row.GetString(2), Text(row, 3), Text(row, 4)));
                    if (row.GetInt32(0) < page.Ordinal) previous = link;
                    else next = link;
                }, token);
            return ReferenceDbReader.Compose(page, similar, previous, next);
        }, cancellationToken);

    public Task<IReadOnlyList<CatalogRow>> CatalogAsync(string? system, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<CatalogRow>>(async (connection, version, token) =>
        {
            var rows = new List<CatalogRow>();
            var all = string.IsNullOrWhiteSpace(system);
            await EachAsync(connection,
                "SELECT system, code, title, name, common_names FROM pages WHERE version_id = $1" + (all ? "" : " AND system = $2") + " ORDER BY ordinal",
                all ? [version] : [version, system!],
                row => rows.Add(new CatalogRow(row.GetString(0), row.GetString(1), row.GetString(2), PlainName.Of(row.GetString(2), Text(row, 3), Text(row, 4)))), token);
            return rows;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> CodesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<string>>(async (connection, version, token) =>
        {
            var codes = new List<string>();
            await EachAsync(connection, "SELECT code FROM pages WHERE version_id = $1 ORDER BY ordinal", [version],
                row => codes.Add(row.GetString(0)), token);
            return codes;
        }, cancellationToken);

    public Task<int> PageCountAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, version, token) =>
        {
            var count = 0L;
            await EachAsync(connection, "SELECT count(*) FROM pages WHERE version_id = $1", [version], row => count = row.GetInt64(0), token);
            return (int)count;
        }, cancellationToken);

    public Task<Glossary> GlossaryAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, version, token) =>
        {
            string? json = null;
            await EachAsync(connection, "SELECT value FROM content_info WHERE version_id = $1 AND key = $2",
                [version, Glossary.ContentInfoKey], row => json = row.GetString(0), token);
            return Glossary.FromJson(json);
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="read"/> on a pooled connection, on the request's version, under the caller's token and
    /// the command timeout: the token cancels the running statement (57014); failures become the storage exceptions.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, long, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.CommandTimeout > TimeSpan.Zero && options.CommandTimeout < TimeSpan.FromDays(1)) limit.CancelAfter(options.CommandTimeout);
        try
        {
            // A site may start on an empty database: the schema is made at first use (once per process).
            PostgresSchema.EnsureCreated(options.ConnectionString);
            // The first read of the request fixes its version; every later one reads the same.
            _version ??= versions.Live;
            await using var connection = await source.OpenConnectionAsync(limit.Token).ConfigureAwait(false);
            return await read(connection, _version.Value.Id, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresFailure.Translate(e, cancellationToken) is { } failure)
        {
            if (failure is Storage.ContentBusyException) source.Clear();
            throw failure;
        }
    }

    private static async Task EachAsync(NpgsqlConnection connection, string sql, object[] values, Action<NpgsqlDataReader> read, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var value in values)
            command.Parameters.Add(value is long id ? new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint } : new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        while (await reader.ReadAsync(token).ConfigureAwait(false)) read(reader);
    }

    private static string? Text(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static double? Grade(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetDouble(column);
}
