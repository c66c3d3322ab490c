using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// A live database damaged in place (a disk fault, a bad copy, a file cut short) is put right from the kept
/// versions: each is a whole copy of what was published, so the switch a publish uses can put one back live. The
/// outcome is noted beside the live file (procedures.db.repair.json) for the admin's banner, for as long as the live
/// file is the one the repair left.
/// </summary>
public sealed partial class SqliteContentStore
{
    private const string RepairRecordSuffix = ".repair.json";
    private static readonly ReadOnlyMemory<byte> SqliteMagic = "SQLite format 3\0"u8.ToArray();

    private readonly Lock _repairGate = new();
    private (FileStamp Stamp, LiveCheck Check, LiveRepair Outcome)? _lastCheck;

    private string RepairRecord => LiveDatabase + RepairRecordSuffix;

    public LiveRepair RepairLive(LiveCheck check)
    {
        lock (_repairGate)
        {
            var stamp = FileStamp.Of(LiveDatabase);
            // The same file checked as closely before: the answer stands (a read failing again and again must not
            // read the whole file again each time).
            if (_lastCheck is { } last && last.Stamp == stamp && (last.Check == LiveCheck.Full || check == LiveCheck.Quick)
                && last.Outcome.State is LiveState.Intact or LiveState.Unrepairable)
                return last.Outcome;
            if (!stamp.Exists && !HasKeptVersions()) return LiveRepair.Intact(DateTimeOffset.UtcNow); // nothing published yet: the first start imports
            if (Inspect(LiveDatabase, check) is not { } damage)
            {
                var intact = LiveRepair.Intact(DateTimeOffset.UtcNow);
                _lastCheck = (stamp, check, intact);
                return intact;
            }
            using var gate = LockForPublishing(out _);
            // A publish or rollback running replaces the live file itself; whoever reads next checks again.
            if (gate is null) return new LiveRepair(LiveState.Busy, DateTimeOffset.UtcNow, damage);
            var outcome = PutIntactVersionLive(damage);
            _lastCheck = (FileStamp.Of(LiveDatabase), LiveCheck.Full, outcome.State == LiveState.Repaired ? LiveRepair.Intact(outcome.At) : outcome);
            WriteRepairRecord(outcome);
            return outcome;
        }
    }

    public LiveRepair? LastRepair()
    {
        if (ReadJson<RepairNote>(RepairRecord) is not { } note) return null;
        // A publish or rollback since has replaced what the repair left: the banner has done its work.
        return note.Stamp == FileStamp.Of(LiveDatabase) ? note.Repair : null;
    }

    /// <summary>The version noted live when its kept copy is intact (the content the admin chose), else the newest intact one.</summary>
    private LiveRepair PutIntactVersionLive(string damage)
    {
        var noted = LiveNumber();
        var candidates = Versions().Versions.Select(v => v.Number).OrderByDescending(n => n == noted).ThenByDescending(n => n);
        foreach (var number in candidates)
        {
            if (Inspect(VersionDatabase(number), LiveCheck.Full) is not null) continue;
            if (SwitchTo(number) is { } failure) return new LiveRepair(LiveState.Unrepairable, DateTimeOffset.UtcNow, $"{damage}; putting v{number} back failed: {failure}");
            return new LiveRepair(LiveState.Repaired, DateTimeOffset.UtcNow, damage, number);
        }
        return new LiveRepair(LiveState.Unrepairable, DateTimeOffset.UtcNow, damage);
    }

    /// <summary>Whether the live copy of the version noted live is damaged, so that making it live again is a repair, not a no-op.</summary>
    private bool LiveIsDamaged() => Inspect(LiveDatabase, LiveCheck.Full) is not null;

    private bool HasKeptVersions() => Directory.Exists(VersionsFolder) && Directory.EnumerateFiles(VersionsFolder, "v*.db").Any();

    /// <summary>What is wrong with a database file, in words for the admin; null when it reads back whole.</summary>
    private static string? Inspect(string database, LiveCheck check)
    {
        var name = Path.GetFileName(database);
        if (!File.Exists(database)) return $"{name} is missing";
        try
        {
            if (InspectHeader(database) is { } header) return $"{name} {header}";
            if (check == LiveCheck.Quick) return null;
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1)";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? null : $"{name} fails SQLite's check: {result}";
        }
        catch (SqliteException e) when (SqliteFailures.Translate(e) is ContentUnreadableException)
        {
            return $"{name} cannot be read: {e.Message}";
        }
        catch (IOException e)
        {
            return $"{name} cannot be read: {WriteFailure.Reason(e)}";
        }
    }

    /// <summary>The file's header against its length (SQLite's file format, section 1.3): a file cut short says so at once.</summary>
    private static string? InspectHeader(string database)
    {
        Span<byte> header = stackalloc byte[100];
        long length;
        using (var file = new FileStream(database, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0))
        {
            length = file.Length;
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..16].SequenceEqual(SqliteMagic.Span))
                return "is not a SQLite database";
        }
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]) is var size && size == 1 ? 65536L : size;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        // The page count in the header is only to be trusted when the change counter matches the one beside it.
        var countIsValid = pages > 0 && BinaryPrimitives.ReadUInt32BigEndian(header[24..]) == BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        if (pageSize < 512) return "is not a SQLite database";
        if (countIsValid && length < pages * pageSize) return $"is cut short: {length:N0} of its {pages * pageSize:N0} bytes";
        return length % pageSize != 0 ? $"is cut short: {length:N0} bytes, not a whole number of {pageSize:N0}-byte pages" : null;
    }

    private void WriteRepairRecord(LiveRepair outcome)
    {
        try
        {
            WriteJson(RepairRecord, new RepairNote(outcome, FileStamp.Of(LiveDatabase)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the banner is lost; the log has the repair.
        }
    }

    /// <summary>
    /// Runs a diff against the live database, or against no live content when the live file cannot be read (every
    /// page counts as added, as the import's report says), so a damaged live file never stops a review and its publish.
    /// </summary>
    private T CompareWithLive<T>(Func<ReferenceDb?, T> diff)
    {
        try
        {
            using var live = OpenIfExists(LiveDatabase);
            return diff(live);
        }
        catch (SqliteException e) when (SqliteFailures.Translate(e) is ContentUnreadableException)
        {
            SqliteFiles.Release(LiveDatabase);
            return diff(null);
        }
    }

    /// <summary>What tells one live file from the next: a switch renames a new file in, with a new write time.</summary>
    private readonly record struct FileStamp(bool Exists, DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new(true, info.LastWriteTimeUtc, info.Length) : default;
        }
    }

    private sealed record RepairNote(LiveRepair Repair, FileStamp Stamp);
}
