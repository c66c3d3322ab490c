using System.Globalization;
using System.Text.Json;
using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// The live content and what stands around it, in the shared database: every import is a content version (one
/// partition of each content table) with a row in content_versions, in state building, then staged (with its
/// report), then published (with a number). Which version is live is the one row of live_content; publish and
/// rollback change it in one transaction and NOTIFY every instance. Readers name the version they read, so a
/// switch is one atomic step for them, and a kill at any point leaves the live version whole.
/// </summary>
public sealed partial class PostgresContentStore : IContentStore
{
    /// <summary>The channel publish and rollback notify, with the new live version's id as the payload.</summary>
    public const string ContentChannel = "procref_content";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PostgresOptions _options;
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _source;
    private readonly int _keep;
    private readonly PostgresImportLock _importLock;

    /// <param name="options">The database and the statements' time limit.</param>
    /// <param name="source">The engine's shared pool (as registered); a pool of the store's own when null (a test, a one-off tool).</param>
    public PostgresContentStore(PostgresOptions options, NpgsqlDataSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.KeepVersions, 1);
        _options = options;
        _connectionString = options.BoundedConnectionString;
        _source = source ?? options.CreateDataSource();
        _keep = options.KeepVersions;
        _importLock = new PostgresImportLock(_connectionString);
    }

    /// <summary>The lock one import at a time takes (an advisory lock in the database).</summary>
    public IImportLock ImportLock => _importLock;

    public bool HasLiveContent => Read("read the live content", c => Scalar<bool>(c, "SELECT EXISTS (SELECT 1 FROM live_content)"));

    /// <summary>Builds an import as a new content version, compared with what is live; nothing live changes.</summary>
    public (StagedImport? Staged, ImportReport Report) Stage(ImportOptions options, string who, string source, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Build(options, who, source, progress);
    }

    /// <summary>Stages and publishes in one go, as the command line's import does; what its checks refuse is not left staged.</summary>
    public (ImportReport Report, StoreResult? Published) ImportAndPublish(ImportOptions options, string who, string source,
        IProgress<ImportProgress>? progress = null, PublishCheck? check = null)
    {
        var (staged, report) = Stage(options, who, source, progress);
        if (staged is null) return (report, null);
        FaultPoint.Reached(FaultPoint.Staged);
        var published = Publish(staged.Id, who, check);
        if (published.Blocked != PublishBlock.None) Discard(staged.Id);
        return (report, published);
    }

    public IReadOnlyList<StagedImport> Staged() =>
        Read("list the staged imports", c => Query(c, StagedSelect + " ORDER BY created_at DESC, id DESC", ReadStaged));

    public StagedImport? FindStaged(string id) =>
        string.IsNullOrEmpty(id) ? null :
        Read("find a staged import", c => Query(c, StagedSelect + " AND staged_id = @id", ReadStaged, ("id", id)).FirstOrDefault());

    public VersionList Versions() => Read("list the versions", c =>
    {
        var versions = Query(c, """
            SELECT number, published_at, published_by, source, pages, added, changed, removed
            FROM content_versions WHERE state = 'published' ORDER BY number DESC
            """,
            r => new PublishedVersion(r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
                r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)));
        var live = Query(c, "SELECT v.number FROM live_content l JOIN content_versions v ON v.id = l.version_id",
            r => r.IsDBNull(0) ? (int?)null : r.GetInt32(0)).FirstOrDefault();
        return new VersionList(versions, live);
    });

    private const string StagedSelect =
        "SELECT staged_id, created_at, created_by, source, report FROM content_versions WHERE state = 'staged'";

    private static StagedImport ReadStaged(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
            JsonSerializer.Deserialize<ImportReport>(r.GetString(4), Json)!);

    /// <summary>The id an admin sees for a staged import: when it was staged, and a random part.</summary>
    private static string NewStagedId() =>
        DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A connection to a database whose schema is up to date.</summary>
    private NpgsqlConnection Connect()
    {
        PostgresSchema.EnsureCreated(_options.ConnectionString);
        return _source.OpenConnection();
    }

    /// <summary>Runs a read on a fresh connection; the server's failures come out as the domain's storage exceptions.</summary>
    private T Read<T>(string doing, Func<NpgsqlConnection, T> read)
    {
        try
        {
            using var connection = Connect();
            return read(connection);
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw PostgresFailure.Wrap($"could not {doing}", e);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static List<T> Query<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        Query(connection, null, sql, read, parameters);

    private static List<T> Query<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read,
        params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static T Scalar<T>(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, null, parameters);
        return (T)command.ExecuteScalar()!;
    }

    private static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }
}
