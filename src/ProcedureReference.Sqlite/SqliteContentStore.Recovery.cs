using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// What a crash can leave, and how it is put right. Every step of a stage or publish leaves either the state
/// before it or a state the next start recognises: a half-built or half-copied database, a staged database
/// without its report (or the reverse), a version record without its file (or the reverse), a temporary
/// record, or the note of the live version one switch behind the live file.
/// </summary>
public sealed partial class SqliteContentStore
{
    /// <summary>Removes what a killed import or publish left, corrects the note of which version is live, and brings older databases to the current schema.</summary>
    public void RemoveLeftovers()
    {
        IDisposable? importGate = null, publishGate = null;
        try
        {
            importGate = _importLock.TryAcquire();
            publishGate = FileLock.TryAcquire(PublishLock);
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            // A folder the locks cannot be taken in (read-only) is one nothing can be removed from either.
        }
        using (importGate)
        using (publishGate)
        {
            if (importGate is null || publishGate is null) return; // something is running: what looks left over may be in use
            RemoveBuildLeftovers();
            RemoveUnpaired(StagingFolder, "*.db", ".json");
            RemoveUnpaired(StagingFolder, "*.json", ".db");
            RemoveUnpaired(VersionsFolder, "v*.db", ".json");
            RemoveUnpaired(VersionsFolder, "v*.json", ".db");
            foreach (var folder in new[] { StagingFolder, VersionsFolder }.Where(Directory.Exists))
                foreach (var temp in Directory.EnumerateFiles(folder, "*.tmp")) TryDelete(temp);
            CorrectLiveMarker();
            UpgradeSchemas();
        }
    }

    /// <summary>The publish lock, or null with the reason when it cannot be had.</summary>
    private FileStream? LockForPublishing(out StoreResult? refused)
    {
        try
        {
            var gate = FileLock.TryAcquire(PublishLock);
            refused = gate is null ? StoreResult.Refused("a publish or rollback is running; try again in a moment") : null;
            return gate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refused = StoreResult.Refused($"cannot lock {PublishLock} to publish: {WriteFailure.Reason(e)}; the live content is unchanged");
            return null;
        }
    }

    /// <summary>Deletes each file matching <paramref name="pattern"/> whose partner (same name, <paramref name="partnerExtension"/>) is missing.</summary>
    private static void RemoveUnpaired(string folder, string pattern, string partnerExtension)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, pattern))
            if (!File.Exists(Path.ChangeExtension(file, partnerExtension))) TryDelete(file);
    }

    /// <summary>
    /// A crash between the rename and writing live.txt leaves the note naming the version before. The live file
    /// says which content it holds: when the noted version holds other content, the newest version that holds
    /// the live content is noted instead.
    /// </summary>
    private void CorrectLiveMarker()
    {
        if (LiveNumber() is not { } noted || !File.Exists(LiveDatabase)) return;
        var live = ContentHashOf(LiveDatabase);
        if (live is null || ContentHashOf(VersionDatabase(noted)) == live) return;
        var actual = Versions().Versions.FirstOrDefault(v => ContentHashOf(VersionDatabase(v.Number)) == live);
        if (actual is not null)
            WriteAtomically(Path.Combine(VersionsFolder, LiveMarker), actual.Number.ToString(CultureInfo.InvariantCulture));
    }

    private static string? ContentHashOf(string database)
    {
        if (!File.Exists(database)) return null;
        try
        {
            using var connection = new SqliteConnection(SqliteFiles.ConnectionString(database, readOnly: true));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Value FROM content_info WHERE Key = 'content_hash'";
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null; // not a database this store wrote: it names no content
        }
        finally
        {
            SqliteFiles.Release(database);
        }
    }

    /// <summary>Best effort: what cannot be deleted now is tried again at the next start.</summary>
    private static void TryDelete(string path)
    {
        try
        {
            SqliteFiles.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left for the next start
        }
    }
}
