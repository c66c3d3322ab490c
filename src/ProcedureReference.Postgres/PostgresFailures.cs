using System.Net.Sockets;
using Npgsql;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// PostgreSQL's failures in the domain's terms, so the host answers without knowing the engine: a statement
/// stopped (SQLSTATE 57014) is the caller's cancel or the time limit, a server that is down, restarting or
/// refusing connections is busy (503, and the site recovers by itself when it is back), a schema that is not
/// there is unreadable content.
/// </summary>
internal static class PostgresFailures
{
    /// <summary>
    /// The exception to throw in place of <paramref name="exception"/>, or null to let it pass as it is: a cancel
    /// is the caller's when <paramref name="caller"/> is cancelled, else the time limit's.
    /// </summary>
    public static Exception? Translate(Exception exception, CancellationToken caller)
    {
        if (!IsCancel(exception) && exception is not NpgsqlException { InnerException: TimeoutException }) return Translate(exception);
        if (caller.IsCancellationRequested)
            return exception is OperationCanceledException own && own.CancellationToken == caller
                ? own
                : new OperationCanceledException("The read was cancelled.", exception, caller);
        // Not the caller: the command timeout, or the server's own statement_timeout.
        return new QueryTimedOutException("A query ran past its time limit.", exception);
    }

    /// <summary>The storage exception for a failure that is not a cancel, or null.</summary>
    public static StorageException? Translate(Exception exception) => exception switch
    {
        PostgresException { SqlState: var state } when IsUnavailable(state) =>
            new ContentBusyException("The database is not available.", exception),
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedObject
            or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.InvalidCatalogName } =>
            new ContentUnreadableException("The live content cannot be read.", exception),
        PostgresException => null,
        NpgsqlException { InnerException: SocketException or IOException or EndOfStreamException } or NpgsqlException { IsTransient: true } =>
            new ContentBusyException("The database is not available.", exception),
        SocketException => new ContentBusyException("The database is not available.", exception),
        _ => null,
    };

    /// <summary>A statement stopped by a cancel request: Npgsql's own on a token, or the server's 57014.</summary>
    private static bool IsCancel(Exception exception) =>
        exception is OperationCanceledException
        || exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    /// <summary>Connection exceptions (08), the server shutting down or starting (57P01-57P03), too many connections (53300).</summary>
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;
}
