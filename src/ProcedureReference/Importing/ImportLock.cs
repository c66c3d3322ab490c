namespace ProcedureReference.Importing;

/// <summary>
/// Only one import at a time per database, across processes: an exclusive lock on a file beside it
/// (FileShare.None is an advisory flock on Linux, released by the kernel if the process dies).
/// </summary>
public sealed class ImportLock : IDisposable
{
    private readonly FileStream _stream;

    private ImportLock(FileStream stream) => _stream = stream;

    public static string PathFor(string databasePath) => databasePath + ".import.lock";

    /// <summary>The lock, or null when another import holds it.</summary>
    /// <exception cref="IOException">The lock file cannot be opened at all (a read-only folder, a full disk).</exception>
    public static ImportLock? TryAcquire(string databasePath) => TryAcquireFile(PathFor(databasePath));

    /// <summary>An exclusive lock on <paramref name="lockFile"/>, or null when another holds it.</summary>
    /// <exception cref="IOException">The lock file cannot be opened at all (a read-only folder, a full disk).</exception>
    public static ImportLock? TryAcquireFile(string lockFile)
    {
        try
        {
            return new ImportLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
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

    public void Dispose() => _stream.Dispose();
}
