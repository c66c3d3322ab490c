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
    public static ImportLock? TryAcquire(string databasePath) => TryAcquireFile(PathFor(databasePath));

    /// <summary>An exclusive lock on <paramref name="lockFile"/>, or null when another holds it.</summary>
    public static ImportLock? TryAcquireFile(string lockFile)
    {
        try
        {
            return new ImportLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(lockFile))
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
