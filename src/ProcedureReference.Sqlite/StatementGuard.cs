using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Interrupts the statements a read runs on a connection when its caller cancels (a request that timed out or
/// whose client left) or when it runs past the command timeout, and tells the two apart: the caller's cancel is an
/// <see cref="OperationCanceledException"/>, the time limit a <see cref="QueryTimedOutException"/>. Dispose it
/// before the connection goes back to the pool, where a late interrupt would stop someone else's statement.
/// </summary>
public sealed class StatementGuard : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _limit;
    private readonly CancellationTokenRegistration _interrupt;

    private StatementGuard(SqliteConnection connection, TimeSpan timeout, CancellationToken caller)
    {
        _caller = caller;
        _limit = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (timeout > TimeSpan.Zero && timeout < TimeSpan.FromDays(1)) _limit.CancelAfter(timeout);
        _interrupt = SqliteInterrupt.OnCancel(connection, _limit.Token);
    }

    public static StatementGuard Start(SqliteConnection connection, TimeSpan timeout, CancellationToken caller)
    {
        caller.ThrowIfCancellationRequested();
        return new(connection, timeout, caller);
    }

    /// <summary>The exception to throw in place of <paramref name="exception"/>, or null to let it pass as it is.</summary>
    public Exception? Translate(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!SqliteInterrupt.IsInterrupt(exception)) return SqliteFailures.Translate(exception);
        if (_caller.IsCancellationRequested) return new OperationCanceledException("The read was cancelled.", exception, _caller);
        return _limit.IsCancellationRequested ? new QueryTimedOutException("A query ran past its time limit.", exception) : null;
    }

    public void Dispose()
    {
        // First the interrupt (waits for a callback that is running), then the timer behind it.
        _interrupt.Dispose();
        _limit.Dispose();
    }
}
