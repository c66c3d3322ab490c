using Microsoft.Data.Sqlite;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Building an import: under the import lock, the importer writes a new database file beside the live one
/// (procedures.db.building-*), which is moved into the staging folder when whole. Until a publish renames a copy
/// over the live file, the live content is untouched, so a failure or a crash at any point leaves it whole.
/// Also how a staged import is compared with the live content.
/// </summary>
public sealed partial class SqliteContentStore
{
    private const string BuildingSuffix = ".building-";

    /// <summary>The suffix of a copy being made to replace the live database.</summary>
    public const string PublishingSuffix = ".publishing-";

    /// <summary>Builds <paramref name="options"/>' content into a new file and moves it to <paramref name="target"/>.</summary>
    private ImportReport Build(ImportOptions options, string target, IProgress<ImportProgress>? progress)
    {
        var content = Path.GetFullPath(options.ContentPath);
        IDisposable? held;
        try
        {
            held = _importLock.TryAcquire();
        }
        catch (StorageException e)
        {
            return ImportReport.Failed(content, $"{e.Message}; the live content was left as it was", TimeSpan.Zero);
        }
        if (held is null)
            return ImportReport.Failed(content, "another import into this database is running; try again when it has finished", TimeSpan.Zero);

        using (held)
        {
            RemoveBuildLeftovers();
            var live = ReadLiveHashes(out var liveUnreadable);
            var building = $"{LiveDatabase}{BuildingSuffix}{Guid.NewGuid():N}";
            var writing = building;
            try
            {
                var report = Importer.Run(options, () => SqliteContentWriter.Create(building), live, progress);
                if (!report.Succeeded)
                {
                    TryDelete(building);
                    return report;
                }
                SqliteFiles.Release(building);
                writing = target;
                File.Move(building, target, overwrite: true);
                SqliteFiles.Release(target);
                FaultPoint.Reached(FaultPoint.ImportBuilt);
                return liveUnreadable is null ? report : report with { Warnings = [.. report.Warnings, liveUnreadable] };
            }
            catch (Exception e) when (SqliteWriteFailure.IsWriteFailure(e))
            {
                TryDelete(building);
                return ImportReport.Failed(content, $"could not write {writing}: {SqliteWriteFailure.Reason(e)}; the live content was left as it was", TimeSpan.Zero);
            }
            catch
            {
                TryDelete(building);
                throw;
            }
        }
    }

    /// <summary>Code to content hash of the live database, for the importer to tell added, changed, unchanged and removed pages.</summary>
    private Dictionary<string, string> ReadLiveHashes(out string? unreadable)
    {
        unreadable = null;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(LiveDatabase)) return hashes;
        try
        {
            using var connection = new SqliteConnection(SqliteFiles.ConnectionString(LiveDatabase, readOnly: true));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Code, ContentHash FROM pages";
            using var reader = command.ExecuteReader();
            while (reader.Read()) hashes[reader.GetString(0)] = reader.GetString(1);
        }
        catch (SqliteException e)
        {
            hashes.Clear();
            unreadable = $"the previous database could not be read ({e.Message}); every page counts as added";
        }
        return hashes;
    }

    /// <summary>Deletes what an import or switch that died left beside the live database. Only called under the import lock.</summary>
    private void RemoveBuildLeftovers()
    {
        var folder = Path.GetDirectoryName(LiveDatabase)!;
        if (!Directory.Exists(folder)) return;
        foreach (var suffix in new[] { BuildingSuffix, PublishingSuffix })
            foreach (var leftover in Directory.EnumerateFiles(folder, Path.GetFileName(LiveDatabase) + suffix + "*"))
                TryDelete(leftover);
    }

    public ContentDifference? Compare(string stagedId)
    {
        if (FindStaged(stagedId) is null) return null;
        var sameContent = MeasureAgainstLive(StagedDatabase(stagedId)).SameContent;
        using var staged = new ReferenceDb(SqliteReferenceDb.OptionsFor(StagedDatabase(stagedId), readOnly: true));
        return CompareWithLive(live => ContentDiff.Compare(live, staged)) with { SameContent = sameContent };
    }

    public IReadOnlyList<PartDifference>? Describe(string stagedId, string code)
    {
        if (FindStaged(stagedId) is null) return null;
        using var staged = new ReferenceDb(SqliteReferenceDb.OptionsFor(StagedDatabase(stagedId), readOnly: true));
        return CompareWithLive(live => ContentDiff.Describe(live, staged, code));
    }

    private static ReferenceDb? OpenIfExists(string database) =>
        File.Exists(database) ? new ReferenceDb(SqliteReferenceDb.OptionsFor(database, readOnly: true)) : null;
}
