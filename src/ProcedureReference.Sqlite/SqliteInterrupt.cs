using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Stops the statement running on a connection when a token is cancelled. Microsoft.Data.Sqlite runs commands
/// synchronously and ignores a token once a statement has started (SqliteCommand.Cancel does nothing), so a slow
/// query would run to its end after its request timed out; sqlite3_interrupt makes it fail with SQLITE_INTERRUPT
/// at its next step instead.
/// </summary>
public static class SqliteInterrupt
{
    /// <summary>
    /// Interrupts <paramref name="connection"/> when <paramref name="cancellationToken"/> is cancelled. Dispose the
    /// registration before the connection is closed: once it is back in the pool, a late cancel would interrupt
    /// whoever uses it next (disposing waits for a callback that is running).
    /// </summary>
    public static CancellationTokenRegistration OnCancel(SqliteConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state =>
            {
                if (((SqliteConnection)state!).Handle is { } handle) raw.sqlite3_interrupt(handle);
            }, connection)
            : default;

    /// <summary>The statement was stopped by <see cref="OnCancel"/>.</summary>
    public static bool IsInterrupt(SqliteException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).SqliteErrorCode == raw.SQLITE_INTERRUPT;
}
