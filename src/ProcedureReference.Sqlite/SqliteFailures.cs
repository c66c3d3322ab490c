using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;
using SQLitePCL;

namespace ProcedureReference.Sqlite;

/// <summary>SQLite's result codes in the domain's terms, so the host answers a failure without knowing the engine.</summary>
public static class SqliteFailures
{
    /// <summary>
    /// The storage exception for <paramref name="exception"/>: locked past the timeout is busy, a file that is not
    /// (or no longer) a readable database is unreadable; null for anything else, which stays as it is.
    /// </summary>
    public static StorageException? Translate(SqliteException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).SqliteErrorCode switch
        {
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => new ContentBusyException("The content is locked by a writer.", exception),
            raw.SQLITE_CORRUPT or raw.SQLITE_NOTADB or raw.SQLITE_CANTOPEN or raw.SQLITE_IOERR =>
                new ContentUnreadableException("The live content cannot be read.", exception),
            _ => null,
        };
}
