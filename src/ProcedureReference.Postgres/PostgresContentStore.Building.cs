using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// Building an import: under the import lock, a content_versions row in state building is committed first, so that
/// whatever a kill leaves behind is named; the importer writes the version's tables; then one statement marks it
/// staged with its report. Until a publish, no reader is pointed at the version, so the live content is untouched.
/// </summary>
public sealed partial class PostgresContentStore
{
    private (StagedImport? Staged, ImportReport Report) Build(ImportOptions options, string who, string source, IProgress<ImportProgress>? progress)
    {
        var content = Path.GetFullPath(options.ContentPath);
        IDisposable? held;
        try
        {
            held = _importLock.TryAcquire();
        }
        catch (StorageException e)
        {
            return (null, ImportReport.Failed(content, $"{e.Message}; the live content was left as it was", TimeSpan.Zero));
        }
        if (held is null)
            return (null, ImportReport.Failed(content, "another import into this database is running; try again when it has finished", TimeSpan.Zero));

        using (held)
        {
            long? version = null;
            try
            {
                using var connection = Connect();
                // The import lock is held: a version still building was left by an import that died.
                RemoveBuilding(connection);
                var live = ReadLiveHashes(connection);
                version = CreateVersion(connection, who, source);
                var building = version.Value;
                var report = Importer.Run(options, () => PostgresContentWriter.Create(_connectionString, building), live, progress);
                if (!report.Succeeded)
                {
                    DropVersion(connection, building);
                    return (null, report);
                }
                FaultPoint.Reached(FaultPoint.ImportBuilt);
                var staged = MarkStaged(connection, building, who, source, report);
                return (staged, report);
            }
            catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
            {
                if (version is { } failed) TryDropVersion(failed);
                return (null, ImportReport.Failed(content, $"could not import: {PostgresFailure.Reason(e)}; the live content was left as it was", TimeSpan.Zero));
            }
        }
    }

    /// <summary>Code to content hash of the live version, for the importer to tell added, changed, unchanged and removed pages.</summary>
    private static Dictionary<string, string> ReadLiveHashes(NpgsqlConnection connection)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (LiveVersion(connection, null) is not { } live) return hashes;
        foreach (var (code, hash) in Query(connection, "SELECT code, content_hash FROM pages WHERE version_id = @v",
                     r => (r.GetString(0), r.GetString(1)), ("v", live)))
            hashes[code] = hash;
        return hashes;
    }

    private static long? LiveVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        Query(connection, transaction, "SELECT version_id FROM live_content", r => r.GetInt64(0)).Cast<long?>().FirstOrDefault();

    private static long CreateVersion(NpgsqlConnection connection, string who, string source) =>
        Query(connection, """
            INSERT INTO content_versions (state, created_at, created_by, source) VALUES ('building', now(), @who, @source) RETURNING id
            """, r => r.GetInt64(0), ("who", who), ("source", source))[0];

    /// <summary>One statement: the version is staged, with its report and its figures, or it is still building (and a leftover).</summary>
    private static StagedImport MarkStaged(NpgsqlConnection connection, long version, string who, string source, ImportReport report)
    {
        var id = NewStagedId();
        using var command = new NpgsqlCommand("""
            UPDATE content_versions SET state = 'staged', staged_id = @id, report = @report,
                pages = @pages, added = @added, changed = @changed, removed = @removed
            WHERE id = @version AND state = 'building'
            RETURNING created_at
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("report", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(report, Json));
        command.Parameters.AddWithValue("pages", report.Imported);
        command.Parameters.AddWithValue("added", report.Added.Count);
        command.Parameters.AddWithValue("changed", report.Changed.Count);
        command.Parameters.AddWithValue("removed", report.Removed.Count);
        command.Parameters.AddWithValue("version", version);
        var stagedAt = (DateTime)command.ExecuteScalar()!;
        return new StagedImport(id, new DateTimeOffset(stagedAt, TimeSpan.Zero), who, source, report);
    }

    /// <summary>Removes the versions still building and their tables. Only called under the import lock.</summary>
    private static void RemoveBuilding(NpgsqlConnection connection)
    {
        foreach (var version in Query(connection, "SELECT id FROM content_versions WHERE state = 'building'", r => r.GetInt64(0)))
            DropVersion(connection, version);
    }

    /// <summary>
    /// Drops a version that is not live: its tables first, then its row, so that a kill in between leaves the row to
    /// find and finish at the next start rather than tables nothing names.
    /// </summary>
    private static void DropVersion(NpgsqlConnection connection, long version)
    {
        VersionTables.Drop(connection, version);
        Execute(connection, null, "DELETE FROM content_versions WHERE id = @v AND id <> coalesce((SELECT version_id FROM live_content), 0)", ("v", version));
    }

    /// <summary>Best effort, after a failure: what cannot be dropped now (the server is down) is removed at the next start or import.</summary>
    private void TryDropVersion(long version)
    {
        try
        {
            using var connection = Connect();
            DropVersion(connection, version);
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
        {
            // left for RemoveLeftovers
        }
    }
}
