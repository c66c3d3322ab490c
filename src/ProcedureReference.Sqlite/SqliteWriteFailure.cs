using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>SQLite's failures to write, in words an admin can act on, and as the domain's <see cref="StorageException"/>.</summary>
public static class SqliteWriteFailure
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html) for the failures a full or read-only disk causes.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    public static string Reason(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            SqliteException { SqliteErrorCode: SqliteFull } => $"the disk is full ({e.Message})",
            SqliteException { SqliteErrorCode: SqliteReadOnly } => $"the file or its folder is read-only ({e.Message})",
            SqliteException { SqliteErrorCode: SqliteCantOpen } => $"it cannot be created or opened; is its folder read-only? ({e.Message})",
            SqliteException { SqliteErrorCode: SqliteIoError } => $"writing to the disk failed ({e.Message})",
            _ => WriteFailure.Reason(e),
        };
    }

    /// <summary>Whether <paramref name="e"/> is a failure to write that <see cref="Wrap"/> turns into words.</summary>
    public static bool IsWriteFailure(Exception e) => e is SqliteException or IOException or UnauthorizedAccessException;

    /// <summary>A failure to write <paramref name="path"/> as the domain reports it: what could not be written, and why.</summary>
    public static StorageException Wrap(string path, Exception e) => new($"could not write {path}: {Reason(e)}", e);
}
