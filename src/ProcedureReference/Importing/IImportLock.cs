namespace ProcedureReference.Importing;

/// <summary>One import at a time into a content store, across processes (SQLite: a lock file; a server database: an advisory lock).</summary>
public interface IImportLock
{
    /// <summary>The lock, held until disposed, or null when another import holds it.</summary>
    /// <exception cref="Storage.StorageException">The lock cannot be taken at all (a read-only folder, a full disk); the message says which lock and why.</exception>
    IDisposable? TryAcquire();
}
