using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// One read-only connection per request, opened at first use and closed with the request. A publish renames a
/// new database over the live one; a connection already open keeps reading the file it opened, so every query
/// of one request (the page, its neighbours, its similar codes) comes from the same version.
/// </summary>
public sealed class RequestConnection(ReferenceOptions options) : IDisposable
{
    private SqliteConnection? _connection;

    public SqliteConnection Connection
    {
        get
        {
            if (_connection is not null) return _connection;
            _connection = new SqliteConnection(SqliteFiles.ConnectionString(options.DatabasePath, readOnly: true));
            _connection.Open();
            return _connection;
        }
    }

    public void Dispose() => _connection?.Dispose();
}
