using Microsoft.Data.Sqlite;

namespace ProcedureReference.Sqlite;

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

    /// <summary>
    /// Copies a database file and flushes the copy to the disk before returning, so that renaming it over the live
    /// file never publishes bytes that were only in the page cache. <paramref name="faultPoint"/> is reached after
    /// the first block, mid-copy (see <see cref="FaultPoint"/>).
    /// </summary>
    public static void CopyDurably(string source, string destination, string faultPoint)
    {
        const int BlockSize = 64 * 1024;
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var to = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var buffer = new byte[BlockSize];
        var blocks = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            to.Write(buffer, 0, read);
            if (++blocks == 1) FaultPoint.Reached(faultPoint);
        }
        to.Flush(flushToDisk: true);
    }
}
