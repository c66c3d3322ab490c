using ProcedureReference.Importing;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Only one import at a time per database, across processes: an exclusive lock on a file beside it
/// (FileShare.None is an advisory flock on Linux, released by the kernel if the process dies).
/// </summary>
public sealed class SqliteImportLock(string databasePath) : IImportLock
{
    /// <summary>The file whose lock is the import's: data/procedures.db.import.lock.</summary>
    public string LockFile { get; } = databasePath + ".import.lock";

    public IDisposable? TryAcquire()
    {
        try
        {
            return FileLock.TryAcquire(LockFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"cannot lock {LockFile} to import: {WriteFailure.Reason(e)}", e);
        }
    }
}

/// <summary>An exclusive lock on a file, across processes.</summary>
internal static class FileLock
{
    /// <summary>An exclusive lock on <paramref name="lockFile"/>, or null when another holds it.</summary>
    /// <exception cref="IOException">The lock file cannot be opened at all (a read-only folder, a full disk).</exception>
    public static FileStream? TryAcquire(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return null;
        }
    }

    /// <summary>
    /// The lock is taken, as opposed to the file being unusable: EWOULDBLOCK from flock (11 on Linux, 35 on macOS), a sharing or
    /// lock violation (32, 33) on Windows. Anything else, such as a read-only file system, is not 'another import'.
    /// </summary>
    private static bool IsHeldElsewhere(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35;
}
