using Microsoft.Data.Sqlite;

namespace ProcedureReference.Sqlite;

/// <summary>
/// One read-only connection per request (scoped), opened at the first read and closed with the request. A publish
/// renames a new database over the live one; a connection already open keeps reading the file it opened, so every
/// query of one request (the page, its neighbours, its similar codes) comes from the same version.
/// </summary>
public sealed class RequestConnection(SqliteOptions options) : IDisposable
{
    private SqliteConnection? _connection;

    /// <summary>The request's connection, for the EF model to use; not opened until <see cref="Open"/>.</summary>
    public SqliteConnection Connection => _connection ??= ReadOnlyConnection.Create(options);

    /// <summary>The connection, opened (an unreadable file throws the storage exceptions).</summary>
    public SqliteConnection Open()
    {
        if (Connection.State != System.Data.ConnectionState.Open) ReadOnlyConnection.Open(Connection, options);
        return Connection;
    }

    public void Dispose() => _connection?.Dispose();
}
