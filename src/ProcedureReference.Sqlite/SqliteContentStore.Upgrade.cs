using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Content written by an older release lacks the columns a newer schema reads (the reading grades), and every
/// reader's query names them: without this, the first start after an upgrade would fail every page of the live
/// content, and a rollback to a kept version would do the same. So at start, under the locks that keep imports and
/// publishes out, each database the store holds (live, kept, staged) is brought to the current schema by the same
/// EF migrations an import applies. A migration that only adds nullable columns changes no row and no content hash.
/// </summary>
public sealed partial class SqliteContentStore
{
    private void UpgradeSchemas()
    {
        var databases = new List<string> { LiveDatabase };
        foreach (var folder in new[] { VersionsFolder, StagingFolder }.Where(Directory.Exists))
            databases.AddRange(Directory.EnumerateFiles(folder, "*.db"));
        foreach (var database in databases.Where(File.Exists)) TryUpgrade(database);
    }

    private static void TryUpgrade(string database)
    {
        try
        {
            // Only a file that lacks a migration is opened for writing: Migrate takes EF's migration lock, a write,
            // and a current file must stay byte for byte what was published (the repair banner, the kept copies).
            using (var check = new ReferenceDb(SqliteReferenceDb.OptionsFor(database, readOnly: true)))
                if (!check.Database.GetPendingMigrations().Any()) return;
            SqliteFiles.Release(database);
            using var db = new ReferenceDb(SqliteReferenceDb.OptionsFor(database));
            db.Database.Migrate();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A damaged file is left to the live-content check, which puts an intact version back; a read-only one
            // is served as it is.
        }
        finally
        {
            // Let go of the pooled connection, so nothing holds the file that a switch may rename over.
            SqliteFiles.Release(database);
        }
    }
}
