using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>A pooled read-only connection to the live file, waiting for a writer's lock as long as the command timeout allows.</summary>
internal static class ReadOnlyConnection
{
    public static SqliteConnection Create(SqliteOptions options) =>
        new(SqliteFiles.ConnectionString(options.DatabasePath, readOnly: true));

    /// <summary>Opens <paramref name="connection"/>; an unreadable file surfaces as the storage exceptions.</summary>
    public static void Open(SqliteConnection connection, SqliteOptions options)
    {
        try
        {
            connection.Open();
        }
        catch (SqliteException e) when (SqliteFailures.Translate(e) is { } failure)
        {
            throw failure;
        }
        connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.CommandTimeout.TotalSeconds));
        // The same wait for statements run through the C API (the search's TextMatches), which bypass the command timeout.
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)Math.Min(int.MaxValue, options.CommandTimeout.TotalMilliseconds));
    }
}
