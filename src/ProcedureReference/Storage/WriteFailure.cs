using Microsoft.Data.Sqlite;

namespace ProcedureReference.Storage;

/// <summary>Why a file could not be written, in words an admin can act on (the disk is full, the folder is read-only).</summary>
public static class WriteFailure
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
            // Renaming over an immutable file, or writing where the user may not.
            UnauthorizedAccessException => e.Message.TrimEnd('.') + " (it is read-only or protected)",
            // On Linux an IOException's message is the system's reason (No space left on device, Read-only file system).
            _ => e.Message.TrimEnd('.'),
        };
    }
}
