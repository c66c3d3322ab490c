using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcedureReference.Accounts;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Admin accounts (names, hashed passwords, failed sign-ins and lock) and the audit log, in a small SQLite file of
/// their own beside the content database: publishing new content never touches them. A failure of the file
/// surfaces as a <see cref="StorageException"/> whose message is the reason.
/// </summary>
public sealed class SqliteAdminStore : IAdminStore
{
    private readonly string _connectionString;

    public SqliteAdminStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = SqliteFiles.ConnectionString(databasePath);
        Execute("""
            CREATE TABLE IF NOT EXISTS admins (
                name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
                detail TEXT NOT NULL, result TEXT NOT NULL);
            """);
    }

    public bool Add(string name, string passwordHash, DateTimeOffset createdAt) =>
        Execute("INSERT OR IGNORE INTO admins (name, password_hash, created_at) VALUES ($name, $hash, $now)",
            ("$name", name), ("$hash", passwordHash), ("$now", Format(createdAt))) == 1;

    public bool Remove(string name) => Execute("DELETE FROM admins WHERE name = $name", ("$name", name)) == 1;

    public bool Any() => Query("SELECT 1 FROM admins LIMIT 1", _ => true).Count > 0;

    public IReadOnlyList<AdminAccount> List() =>
        Query("SELECT name, created_at, locked_until FROM admins ORDER BY name",
            r => new AdminAccount(r.GetString(0), Parse(r.GetString(1)), ParseOrNull(r, 2)));

    public AdminCredentials? Find(string name) =>
        Query("SELECT name, password_hash, locked_until FROM admins WHERE name = $name",
            r => new AdminCredentials(r.GetString(0), r.GetString(1), ParseOrNull(r, 2)), ("$name", name)).FirstOrDefault();

    // One statement: concurrent failures each add one. A lock another failure has just set is kept; an expired one is
    // cleared. Times are stored as round-trip UTC text, which compares in time order.
    public DateTimeOffset? CountFailedLogin(string name, int lockAfter, DateTimeOffset now, DateTimeOffset lockUntil) =>
        Query("""
            UPDATE admins SET
                failed_logins = CASE WHEN failed_logins + 1 >= $lockAfter THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= $lockAfter THEN $until
                                    WHEN locked_until > $now THEN locked_until END
            WHERE name = $name
            RETURNING locked_until
            """,
            r => ParseOrNull(r, 0),
            ("$name", name), ("$lockAfter", lockAfter), ("$now", Format(now)), ("$until", Format(lockUntil))).FirstOrDefault();

    public void ResetFailedLogins(string name) =>
        Execute("UPDATE admins SET failed_logins = 0, locked_until = NULL WHERE name = $name", ("$name", name));

    public void Audit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Execute("INSERT INTO audit (at, who, action, detail, result) VALUES ($at, $who, $action, $detail, $result)",
            ("$at", Format(entry.At)), ("$who", entry.Who), ("$action", entry.Action), ("$detail", entry.Detail), ("$result", entry.Result));
    }

    public IReadOnlyList<AuditEntry> RecentAudit(int count) =>
        Query("SELECT at, who, action, detail, result FROM audit ORDER BY id DESC LIMIT $count",
            r => new AuditEntry(Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ("$count", count));

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    private static DateTimeOffset? ParseOrNull(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : Parse(reader.GetString(column));

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        try
        {
            using var connection = Open();
            using var command = Command(connection, sql, parameters);
            return command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            throw new StorageException(SqliteWriteFailure.Reason(e), e);
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        try
        {
            using var connection = Open();
            using var command = Command(connection, sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(read(reader));
            return rows;
        }
        catch (SqliteException e)
        {
            throw new StorageException(SqliteWriteFailure.Reason(e), e);
        }
    }

    /// <summary>
    /// A connection whose statements wait out another's lock in SQLite's own busy handler. Microsoft.Data.Sqlite
    /// retries a busy step itself, but not the commit that ends an UPDATE ... RETURNING once its rows are read:
    /// concurrent sign-ins (one writing while another reads) failed there with 'database is locked'.
    /// </summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)SqliteOptions.DefaultCommandTimeout.TotalMilliseconds);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
