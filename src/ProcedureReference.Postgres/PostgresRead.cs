using Npgsql;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// One read on a pooled connection of its own (a search, a suggest index build), whose statements the caller's
/// token or the command timeout cancels mid-statement: the token sends PostgreSQL a cancel request, which stops
/// the statement with SQLSTATE 57014. The caller's cancel stays an <see cref="OperationCanceledException"/>, the
/// time limit is a <see cref="QueryTimedOutException"/>, a server that is gone a <see cref="ContentBusyException"/>.
/// Synchronous, as <see cref="Search.ISearchIndex"/> is.
/// </summary>
internal sealed class PostgresRead : IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _limit;
    private readonly int _backstopSeconds;
    private NpgsqlConnection? _connection;

    private PostgresRead(NpgsqlDataSource source, TimeSpan timeout, CancellationToken caller)
    {
        _source = source;
        _caller = caller;
        _limit = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (timeout > TimeSpan.Zero && timeout < TimeSpan.FromDays(1)) _limit.CancelAfter(timeout);
        // Npgsql's own timeout only backs ours up, should a cancel request be lost.
        _backstopSeconds = timeout > TimeSpan.Zero && timeout < TimeSpan.FromDays(1) ? (int)Math.Ceiling(timeout.TotalSeconds) + 5 : 0;
    }

    /// <summary>Starts a read; the connection opens at the first statement.</summary>
    public static PostgresRead Start(NpgsqlDataSource source, TimeSpan timeout, CancellationToken caller)
    {
        caller.ThrowIfCancellationRequested();
        return new(source, timeout, caller);
    }

    /// <summary>Runs <paramref name="sql"/> with the parameters <paramref name="bind"/> adds, calling <paramref name="read"/> per row.</summary>
    public void Each(string sql, Action<NpgsqlParameterCollection> bind, Action<NpgsqlDataReader> read)
    {
        try
        {
            ThrowIfStopped();
            _connection ??= Open();
            using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = _backstopSeconds };
            bind(command.Parameters);
            using var cancel = _limit.Token.Register(static c => ((NpgsqlCommand)c!).Cancel(), command);
            // A cancel that came before the registration found no statement to stop.
            ThrowIfStopped();
            using var reader = command.ExecuteReader();
            while (reader.Read()) read(reader);
        }
        catch (Exception e) when (PostgresFailure.Translate(e, _caller) is { } failure)
        {
            // A server that went away leaves every idle pooled connection broken: drop them all at once.
            if (failure is ContentBusyException) _source.Clear();
            throw failure;
        }
    }

    /// <summary>
    /// A pooled connection for this read's statements. The planner prices a sequential scan of the documents as if
    /// testing a tsvector were cheap, and picks it for a broad query (a word on a third of the pages): that reads
    /// and decompresses every large document (about 50 ms at 10,000 pages) where the GIN index's bitmap takes a few.
    /// So sequential scans are a last resort on this connection (Npgsql resets the setting when it goes back to the pool).
    /// </summary>
    private NpgsqlConnection Open()
    {
        var connection = _source.OpenConnection();
        using var prefer = new NpgsqlCommand("SET enable_seqscan = off", connection);
        prefer.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The first column of the first row, or <paramref name="none"/>.</summary>
    public T Scalar<T>(string sql, Action<NpgsqlParameterCollection> bind, T none)
    {
        var value = none;
        Each(sql, bind, row => value = row.GetFieldValue<T>(0));
        return value;
    }

    private void ThrowIfStopped()
    {
        if (_limit.IsCancellationRequested) throw new OperationCanceledException(_limit.Token);
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _limit.Dispose();
    }
}
