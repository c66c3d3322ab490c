using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// One read-only connection per request, opened at first use and closed with the request. A publish renames a
/// new database over the live one; a connection already open keeps reading the file it opened, so every query
/// of one request (the page, its neighbours, its similar codes) comes from the same version. When the request
/// times out or its client goes, the statement running on it is interrupted rather than left to finish.
/// </summary>
public sealed class RequestConnection(ReferenceOptions options, RequestLimitOptions limits, IHttpContextAccessor http) : IDisposable
{
    private SqliteConnection? _connection;
    private CancellationTokenRegistration _interrupt;

    public SqliteConnection Connection
    {
        get
        {
            if (_connection is not null) return _connection;
            _connection = new SqliteConnection(SqliteFiles.ConnectionString(options.DatabasePath, readOnly: true));
            _connection.Open();
            _connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(limits.RequestTimeout.TotalSeconds));
            // Read when the endpoint first queries, inside the request-timeout middleware: the token then fires at
            // the timeout as well as when the client leaves.
            _interrupt = SqliteInterrupt.OnCancel(_connection, http.HttpContext?.RequestAborted ?? CancellationToken.None);
            return _connection;
        }
    }

    public void Dispose()
    {
        // Before the connection goes back to the pool, where a late interrupt would stop someone else's query.
        _interrupt.Dispose();
        _connection?.Dispose();
    }
}
