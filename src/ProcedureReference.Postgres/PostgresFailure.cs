using System.Net.Sockets;
using Npgsql;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// The server's failures in the domain's terms, for the writing and the reading side alike, so the host answers
/// without knowing the engine: a server that cannot be reached, is starting or stopping, or has no free connection
/// is busy (503, and the next request tries again); a schema that is not there is unreadable content; a statement
/// stopped (SQLSTATE 57014) is the caller's cancel or the time limit (504).
/// </summary>
public static class PostgresFailure
{
    /// <summary>Whether <paramref name="e"/> is a failure of the server or of the way to it.</summary>
    public static bool IsPostgresFailure(Exception e) => e is NpgsqlException or SocketException or TimeoutException
        || e is InvalidOperationException { InnerException: NpgsqlException };

    /// <summary>The reason, in words: a server that cannot be reached, a full disk, or the server's own message.</summary>
    public static string Reason(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.DiskFull } p => $"the database server's disk is full ({p.MessageText})",
            PostgresException { SqlState: PostgresErrorCodes.OutOfMemory or PostgresErrorCodes.InsufficientResources } p =>
                $"the database server is out of resources ({p.MessageText})",
            PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } p => $"the database server has no free connection ({p.MessageText})",
            PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown } p =>
                $"the database server is starting or stopping ({p.MessageText})",
            PostgresException p => p.MessageText,
            StorageException => e.Message,
            _ when IsUnreachable(e) => $"the database server cannot be reached ({Innermost(e).Message.TrimEnd('.')})",
            _ => e.Message.TrimEnd('.'),
        };
    }

    /// <summary>
    /// <paramref name="e"/> as the writing side reports it, saying what it was <paramref name="doing"/> and why: a
    /// server that is unavailable is busy content; anything else is a storage failure.
    /// </summary>
    public static StorageException Wrap(string doing, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is StorageException storage) return storage;
        var message = $"{doing}: {Reason(e)}";
        return IsUnavailable(e) ? new ContentBusyException(message, e) : new StorageException(message, e);
    }

    /// <summary>No answer from the server at all: refused, reset, timed out, or a name that does not resolve.</summary>
    public static bool IsUnreachable(Exception e) =>
        e is SocketException or TimeoutException
        || (e is NpgsqlException and not PostgresException && (e.InnerException is SocketException or IOException or TimeoutException || ((NpgsqlException)e).IsTransient))
        || (e.InnerException is { } inner && inner is not PostgresException && IsUnreachable(inner));

    /// <summary>
    /// For the reading side: the exception to throw in place of <paramref name="exception"/>, or null to let it pass
    /// as it is. A cancel is the caller's when <paramref name="caller"/> is cancelled, else the time limit's.
    /// </summary>
    internal static Exception? Translate(Exception exception, CancellationToken caller)
    {
        if (!IsCancel(exception) && exception is not NpgsqlException { InnerException: TimeoutException }) return Translate(exception);
        if (caller.IsCancellationRequested)
            return exception is OperationCanceledException own && own.CancellationToken == caller
                ? own
                : new OperationCanceledException("The read was cancelled.", exception, caller);
        // Not the caller: the command timeout, or the server's own statement_timeout.
        return new QueryTimedOutException("A query ran past its time limit.", exception);
    }

    /// <summary>For the reading side: the storage exception for a failure that is not a cancel, or null.</summary>
    internal static StorageException? Translate(Exception exception) => exception switch
    {
        StorageException storage => storage,
        _ when IsUnavailable(exception) => new ContentBusyException("The database is not available.", exception),
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedObject
            or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.InvalidCatalogName } =>
            new ContentUnreadableException("The live content cannot be read.", exception),
        _ => null,
    };

    /// <summary>
    /// The server is away or refuses work for now: unreachable, a connection exception (08), shutting down or
    /// starting (57P01-57P03), or out of connections (53300).
    /// </summary>
    private static bool IsUnavailable(Exception e) =>
        IsUnreachable(e)
        || e is PostgresException { SqlState: var state } && (state.StartsWith("08", StringComparison.Ordinal)
            || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections);

    /// <summary>A statement stopped by a cancel request: Npgsql's own on a token, or the server's 57014.</summary>
    private static bool IsCancel(Exception exception) =>
        exception is OperationCanceledException
        || exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
