using System.Net.Sockets;
using Npgsql;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>The server's failures in the domain's terms, with reasons an operator can act on.</summary>
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
    /// <paramref name="e"/> as the domain reports it: a server that cannot be reached or is starting or stopping is
    /// busy content (the host answers 503 and the next request tries again); anything else is a storage failure.
    /// </summary>
    public static StorageException Wrap(string doing, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is StorageException storage) return storage;
        var message = $"{doing}: {Reason(e)}";
        return IsUnreachable(e) || e is PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.TooManyConnections }
            ? new ContentBusyException(message, e)
            : new StorageException(message, e);
    }

    /// <summary>No answer from the server at all: refused, reset, timed out, or a name that does not resolve.</summary>
    public static bool IsUnreachable(Exception e) =>
        e is SocketException or TimeoutException
        || (e is NpgsqlException and not PostgresException && (e.InnerException is SocketException or IOException or TimeoutException || ((NpgsqlException)e).IsTransient))
        || (e.InnerException is { } inner && inner is not PostgresException && IsUnreachable(inner));

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
