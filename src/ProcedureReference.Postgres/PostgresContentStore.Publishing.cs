using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// Publish, rollback and discard: each one transaction under a transaction advisory lock (one switch at a time
/// across every instance). A publish numbers the version, marks it published, points live_content at it and
/// NOTIFYs, all at COMMIT; a kill before COMMIT changes nothing, so the live version is always whole. Versions
/// beyond KeepVersions are deleted in the background afterwards, never the live one.
/// </summary>
public sealed partial class PostgresContentStore
{
    private const string PublishLock = "SELECT pg_advisory_xact_lock(hashtext('procref:publish'))";

    private readonly Lock _pruneGate = new();
    private Task _pruning = Task.CompletedTask;

    /// <summary>The background deletion of versions beyond KeepVersions started by the latest publish (for tests and a clean shutdown).</summary>
    internal Task Pruning
    {
        get
        {
            lock (_pruneGate) return _pruning;
        }
    }

    /// <summary>Makes a staged import live, and keeps it as the next version, unless <paramref name="check"/> refuses it.</summary>
    public StoreResult Publish(string id, string who, PublishCheck? check = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(who);
        if (FindStaged(id) is not { } staged) return StoreResult.Refused($"there is no staged import {id}");
        PublishedVersion? version;
        try
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, PublishLock);
            // Checked under the lock, against the version live now: no other switch can come between.
            var stagedVersion = Query(connection, transaction, "SELECT id FROM content_versions WHERE staged_id = @id AND state = 'staged'",
                r => r.GetInt64(0), ("id", id));
            if (stagedVersion.Count == 0) return StoreResult.Refused($"there is no staged import {id}");
            if ((check ?? PublishCheck.RemovalsAllowed).Refusal(id, CompareWithLive(connection, transaction, stagedVersion[0])) is { } blocked)
                return blocked;
            // Still staged under the lock: a discard or another publish of it may have come first.
            var published = Query(connection, transaction, """
                UPDATE content_versions SET state = 'published', published_at = now(), published_by = @who,
                    number = (SELECT coalesce(max(number), 0) + 1 FROM content_versions)
                WHERE staged_id = @id AND state = 'staged'
                RETURNING id, number, published_at, source, pages, added, changed, removed
                """,
                r => (Id: r.GetInt64(0), Version: new PublishedVersion(r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(2), who, r.GetString(3),
                    r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7))),
                ("id", id), ("who", who));
            if (published.Count == 0) return StoreResult.Refused($"there is no staged import {id}");
            SwitchLive(connection, transaction, published[0].Id);
            FaultPoint.Reached(FaultPoint.SwitchBeforeRename);
            transaction.Commit();
            version = published[0].Version;
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
        {
            return StoreResult.Refused($"could not publish staged import {id}: {PostgresFailure.Reason(e)}; the live content is unchanged");
        }
        StartPruning();
        var report = staged.Report;
        return new StoreResult(true, $"published {version.Label}: {report.Imported} pages ({report.Added.Count} added, {report.Changed.Count} changed, {report.Removed.Count} removed)", version);
    }

    /// <summary>Makes a kept version live again.</summary>
    public StoreResult Rollback(int number, string who)
    {
        ArgumentException.ThrowIfNullOrEmpty(who);
        try
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, PublishLock);
            var kept = Query(connection, transaction, """
                SELECT id, number, published_at, published_by, source, pages, added, changed, removed
                FROM content_versions WHERE number = @number AND state = 'published'
                """,
                r => (Id: r.GetInt64(0), Version: new PublishedVersion(r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4),
                    r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8))),
                ("number", number));
            if (kept.Count == 0) return StoreResult.Refused($"there is no kept version v{number}");
            if (LiveVersion(connection, transaction) == kept[0].Id) return StoreResult.Refused($"v{number} is already live");
            SwitchLive(connection, transaction, kept[0].Id);
            transaction.Commit();
            return new StoreResult(true, $"rolled back to {kept[0].Version.Label}", kept[0].Version);
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
        {
            return StoreResult.Refused($"could not roll back to v{number}: {PostgresFailure.Reason(e)}; the live content is unchanged");
        }
    }

    public StoreResult Discard(string id)
    {
        if (FindStaged(id) is null) return StoreResult.Refused($"there is no staged import {id}");
        try
        {
            using var connection = Connect();
            long version;
            using (var transaction = connection.BeginTransaction())
            {
                Execute(connection, transaction, PublishLock);
                var removed = Query(connection, transaction, "DELETE FROM content_versions WHERE staged_id = @id AND state = 'staged' RETURNING id",
                    r => r.GetInt64(0), ("id", id));
                if (removed.Count == 0) return StoreResult.Refused($"there is no staged import {id}");
                transaction.Commit();
                version = removed[0];
            }
            // The row is gone, so nothing can publish the version any more; a kill before its tables are dropped
            // leaves tables no row names, which the next start removes.
            VersionTables.Drop(connection, version);
            return new StoreResult(true, $"discarded staged import {id}");
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
        {
            return StoreResult.Refused($"could not discard staged import {id}: {PostgresFailure.Reason(e)}");
        }
    }

    /// <summary>Points live_content at <paramref name="version"/> and notifies every instance; both take effect at COMMIT.</summary>
    private static void SwitchLive(NpgsqlConnection connection, NpgsqlTransaction transaction, long version)
    {
        Execute(connection, transaction, """
            INSERT INTO live_content (singleton, version_id, changed_at) VALUES (true, @v, now())
            ON CONFLICT (singleton) DO UPDATE SET version_id = excluded.version_id, changed_at = excluded.changed_at
            """, ("v", version));
        Execute(connection, transaction, $"SELECT pg_notify('{ContentChannel}', @payload)", ("payload", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Deletes versions beyond KeepVersions after a publish, without keeping the admin waiting (one after another).</summary>
    private void StartPruning()
    {
        lock (_pruneGate) _pruning = _pruning.ContinueWith(_ => Prune(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Prune()
    {
        try
        {
            using var connection = Connect();
            List<long> old;
            using (var transaction = connection.BeginTransaction())
            {
                // Under the publish lock, so that a rollback cannot make one of them live meanwhile.
                Execute(connection, transaction, PublishLock);
                old = Query(connection, transaction, """
                    DELETE FROM content_versions WHERE id IN (
                        SELECT id FROM content_versions WHERE state = 'published' ORDER BY number DESC OFFSET @keep)
                    AND id <> (SELECT version_id FROM live_content)
                    RETURNING id
                    """, r => r.GetInt64(0), ("keep", _keep));
                transaction.Commit();
            }
            foreach (var version in old) VersionTables.Drop(connection, version);
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
        {
            // The next publish prunes again; tables whose row is gone are removed at the next start.
        }
    }

    /// <summary>How a staged version compares with the live one (none: no content), read in the publish's transaction.</summary>
    private static LiveComparison CompareWithLive(NpgsqlConnection connection, NpgsqlTransaction transaction, long staged)
    {
        if (LiveVersion(connection, transaction) is not { } live) return new LiveComparison(0, 0, SameContent: false);
        return Query(connection, transaction, $"""
            SELECT (SELECT count(*) FROM pages WHERE version_id = @live)::int,
                   (SELECT count(*) FROM pages l WHERE l.version_id = @live
                        AND NOT EXISTS (SELECT 1 FROM pages s WHERE s.version_id = @staged AND s.code = l.code))::int,
                   coalesce((SELECT value FROM content_info WHERE version_id = @live AND key = '{ContentHash.FingerprintKey}')
                          = (SELECT value FROM content_info WHERE version_id = @staged AND key = '{ContentHash.FingerprintKey}'), false)
            """, r => new LiveComparison(r.GetInt32(0), r.GetInt32(1), r.GetBoolean(2)), ("live", live), ("staged", staged))[0];
    }
}
