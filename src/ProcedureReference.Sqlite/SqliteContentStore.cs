using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The live database and what stands around it: imports staged for review, and the versions published, kept so
/// that any of them can be made live again. Every switch copies a kept file beside the live one and renames it
/// over it, one atomic step: a reader sees the old content or the new, never a mix, and a crash at any point
/// leaves a whole live database (the next start removes the half-made copy).
/// </summary>
/// <remarks>Beside <c>data/procedures.db</c>: <c>procedures.staging/</c> (id.db, id.json) and <c>procedures.versions/</c> (vN.db, vN.json, live.txt).</remarks>
public sealed partial class SqliteContentStore : IContentStore
{
    public const int DefaultKeep = IContentStore.DefaultKeep;
    public const string BeforeVersionsSource = "content that was live before versions were kept";
    private const string LiveMarker = "live.txt";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly int _keep;
    private readonly SqliteImportLock _importLock;

    public SqliteContentStore(string liveDatabase, int keep = DefaultKeep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        LiveDatabase = Path.GetFullPath(liveDatabase);
        _keep = keep;
        _importLock = new SqliteImportLock(LiveDatabase);
        var stem = Path.Combine(Path.GetDirectoryName(LiveDatabase)!, Path.GetFileNameWithoutExtension(LiveDatabase));
        StagingFolder = stem + ".staging";
        VersionsFolder = stem + ".versions";
    }

    public string LiveDatabase { get; }
    public string StagingFolder { get; }
    public string VersionsFolder { get; }

    /// <summary>The lock one import at a time takes (a file beside the live database).</summary>
    public IImportLock ImportLock => _importLock;

    public bool HasLiveContent => File.Exists(LiveDatabase);

    /// <summary>Builds an import into the staging folder, compared with what is live; nothing live changes.</summary>
    public (StagedImport? Staged, ImportReport Report) Stage(ImportOptions options, string who, string source, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(StagingFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, ImportReport.Failed(Path.GetFullPath(options.ContentPath), $"cannot create {StagingFolder}: {WriteFailure.Reason(e)}; the live content was left as it was", TimeSpan.Zero));
        }
        var report = Build(options, StagedDatabase(id), progress);
        if (!report.Succeeded) return (null, report);
        var staged = new StagedImport(id, DateTimeOffset.UtcNow, who, source, report);
        var record = Path.Combine(StagingFolder, id + ".json");
        try
        {
            WriteJson(record, staged);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A staged database without its report is a leftover: remove it now rather than at the next start.
            TryDelete(StagedDatabase(id));
            return (null, report with { FatalError = $"could not write {record}: {WriteFailure.Reason(e)}; the live content was left as it was" });
        }
        return (staged, report);
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
        !Directory.Exists(StagingFolder) ? [] :
        Directory.EnumerateFiles(StagingFolder, "*.json")
            .Select(f => ReadJson<StagedImport>(f))
            .OfType<StagedImport>()
            .Where(s => File.Exists(StagedDatabase(s.Id)))
            .OrderByDescending(s => s.StagedAt)
            .ToList();

    public StagedImport? FindStaged(string id) =>
        IsId(id) && File.Exists(StagedDatabase(id)) ? ReadJson<StagedImport>(Path.Combine(StagingFolder, id + ".json")) : null;

    public string StagedDatabase(string id) =>
        IsId(id) ? Path.Combine(StagingFolder, id + ".db") : throw new ArgumentException("not a staged import id", nameof(id));

    public StoreResult Discard(string id)
    {
        if (FindStaged(id) is null) return StoreResult.Refused($"there is no staged import {id}");
        using var gate = LockForPublishing(out var refused);
        if (gate is null) return refused!;
        SqliteFiles.Delete(StagedDatabase(id));
        File.Delete(Path.Combine(StagingFolder, id + ".json"));
        return new StoreResult(true, $"discarded staged import {id}");
    }

    /// <summary>Makes a staged import live, and keeps it as the next version, unless <paramref name="check"/> refuses it.</summary>
    public StoreResult Publish(string id, string who, PublishCheck? check = null)
    {
        var staged = FindStaged(id);
        if (staged is null) return StoreResult.Refused($"there is no staged import {id}");
        using var gate = LockForPublishing(out var refused);
        if (gate is null) return refused!;
        if ((check ?? PublishCheck.RemovalsAllowed).Refusal(id, MeasureAgainstLive(StagedDatabase(id))) is { } blocked) return blocked;

        PublishedVersion version;
        try
        {
            Directory.CreateDirectory(VersionsFolder);
            KeepLiveBeforeVersions();
            var report = staged.Report;
            version = new PublishedVersion(NextNumber(), DateTimeOffset.UtcNow, who, staged.Source,
                report.Imported, report.Added.Count, report.Changed.Count, report.Removed.Count);
            // The record before the file: a crash between the two leaves a record without a file, which the next
            // start removes, and the staged import still there to publish again.
            WriteJson(VersionJson(version.Number), version);
            SqliteFiles.Release(StagedDatabase(id));
            File.Move(StagedDatabase(id), VersionDatabase(version.Number));
            FaultPoint.Reached(FaultPoint.PublishKept);
            File.Delete(Path.Combine(StagingFolder, id + ".json"));
        }
        catch (Exception e) when (SqliteWriteFailure.IsWriteFailure(e))
        {
            // A half-made copy or a record without its file takes room a full disk needs; the publish lock is held, so none is in use.
            RemoveUnpaired(VersionsFolder, "v*.db", ".json");
            RemoveUnpaired(VersionsFolder, "v*.json", ".db");
            return StoreResult.Refused($"could not publish staged import {id}: {SqliteWriteFailure.Reason(e)}; the live content is unchanged");
        }

        if (SwitchTo(version.Number) is { } failure)
            return StoreResult.Refused($"{failure}; the live content is unchanged, and the import is kept as {version.Label} to roll forward to");
        Prune();
        return new StoreResult(true, $"published {version.Label}: {staged.Report.Imported} pages ({staged.Report.Added.Count} added, {staged.Report.Changed.Count} changed, {staged.Report.Removed.Count} removed)", version);
    }

    /// <summary>Makes a kept version live again.</summary>
    public StoreResult Rollback(int number, string who)
    {
        ArgumentException.ThrowIfNullOrEmpty(who);
        using var gate = LockForPublishing(out var refused);
        if (gate is null) return refused!;
        var version = ReadJson<PublishedVersion>(VersionJson(number));
        if (version is null || !File.Exists(VersionDatabase(number))) return StoreResult.Refused($"there is no kept version v{number}");
        // Making the version noted live live again is a repair when its live copy is damaged, else nothing to do.
        if (LiveNumber() == number && !LiveIsDamaged()) return StoreResult.Refused($"v{number} is already live");
        if (SwitchTo(number) is { } failure) return StoreResult.Refused($"{failure}; the live content is unchanged");
        return new StoreResult(true, $"rolled back to {version.Label}", version);
    }

    public VersionList Versions()
    {
        if (!Directory.Exists(VersionsFolder)) return new([], null);
        var versions = Directory.EnumerateFiles(VersionsFolder, "v*.json")
            .Select(f => ReadJson<PublishedVersion>(f))
            .OfType<PublishedVersion>()
            .Where(v => File.Exists(VersionDatabase(v.Number)))
            .OrderByDescending(v => v.Number)
            .ToList();
        return new(versions, LiveNumber());
    }

    private string PublishLock => LiveDatabase + ".publish.lock";
    private string VersionDatabase(int number) => Path.Combine(VersionsFolder, $"v{number}.db");
    private string VersionJson(int number) => Path.Combine(VersionsFolder, $"v{number}.json");

    /// <summary>
    /// Copies a kept version beside the live database and renames it over it: the one atomic step. Null when done,
    /// else why not (the copy is removed and the live database is as it was).
    /// </summary>
    private string? SwitchTo(int number)
    {
        var copy = LiveDatabase + PublishingSuffix + Guid.NewGuid().ToString("N");
        try
        {
            SqliteFiles.CopyDurably(VersionDatabase(number), copy, FaultPoint.SwitchCopy);
            // The site notices a new database by its file time; a copy of an older version must still look new.
            File.SetLastWriteTimeUtc(copy, DateTime.UtcNow);
            FaultPoint.Reached(FaultPoint.SwitchBeforeRename);
            File.Move(copy, LiveDatabase, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(copy);
            return $"could not replace the live database {LiveDatabase}: {WriteFailure.Reason(e)}";
        }
        SqliteFiles.Release(LiveDatabase);
        FaultPoint.Reached(FaultPoint.SwitchAfterRename);
        try
        {
            WriteAtomically(Path.Combine(VersionsFolder, LiveMarker), number.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The new content is live; only the note of its number is behind, and the next start corrects it from the files.
        }
        return null;
    }

    private int? LiveNumber()
    {
        var marker = Path.Combine(VersionsFolder, LiveMarker);
        return File.Exists(marker) && int.TryParse(File.ReadAllText(marker).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The first publish keeps what was live until then as a version, so it can be rolled back to.</summary>
    private void KeepLiveBeforeVersions()
    {
        if (LiveNumber() is not null || !File.Exists(LiveDatabase)) return;
        var number = NextNumber();
        SqliteFiles.CopyDurably(LiveDatabase, VersionDatabase(number), FaultPoint.KeepLiveCopy);
        var pages = CountPages(VersionDatabase(number));
        WriteJson(VersionJson(number), new PublishedVersion(number, new DateTimeOffset(File.GetLastWriteTimeUtc(LiveDatabase)), "unknown",
            BeforeVersionsSource, pages, pages, 0, 0));
        WriteAtomically(Path.Combine(VersionsFolder, LiveMarker), number.ToString(CultureInfo.InvariantCulture));
    }

    private int NextNumber() =>
        Directory.EnumerateFiles(VersionsFolder, "v*.db")
            .Select(f => VersionFile().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() + 1;

    private void Prune()
    {
        var live = LiveNumber();
        foreach (var old in Versions().Versions.Skip(_keep).Where(v => v.Number != live))
        {
            SqliteFiles.Delete(VersionDatabase(old.Number));
            File.Delete(VersionJson(old.Number));
        }
    }

    private static int CountPages(string database)
    {
        using var connection = new SqliteConnection(SqliteFiles.ConnectionString(database, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pages";
        var count = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        connection.Close();
        SqliteFiles.Release(database);
        return count;
    }

    private static bool IsId(string id) => StagedId().IsMatch(id);

    private static void WriteJson<T>(string path, T value) => WriteAtomically(path, JsonSerializer.Serialize(value, Json));

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    private static T? ReadJson<T>(string path) where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a damaged record is treated as absent rather than breaking the admin pages
        }
    }

    [GeneratedRegex("^[0-9a-z-]{1,64}$")]
    private static partial Regex StagedId();

    [GeneratedRegex(@"^v(\d{1,9})\.db$")]
    private static partial Regex VersionFile();
}
