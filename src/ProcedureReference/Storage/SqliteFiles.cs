using Microsoft.Data.Sqlite;

namespace ProcedureReference.Storage;

/// <summary>Connection strings and file housekeeping for the SQLite files the reference lives in.</summary>
public static class SqliteFiles
{
    public static string ConnectionString(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    /// <summary>Closes pooled connections to a file so that it can be replaced or deleted, and the next reader opens the new one.</summary>
    public static void Release(string path)
    {
        foreach (var readOnly in new[] { false, true })
        {
            using var connection = new SqliteConnection(ConnectionString(path, readOnly));
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Deletes a database file with its journal, WAL and shared-memory companions.</summary>
    public static void Delete(string path)
    {
        Release(path);
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
            File.Delete(path + suffix);
    }
}
