using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcedureReference.Accounts;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Admin accounts (names, hashed passwords, security stamps, failed sign-ins and lock) and the audit log, in a small SQLite file of
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
                locked_until TEXT, created_at TEXT NOT NULL, security_stamp TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
                detail TEXT NOT NULL, result TEXT NOT NULL);
            """);
        AddSecurityStamps();
    }

    public bool Add(string name, string passwordHash, string securityStamp, DateTimeOffset createdAt) =>
        Execute("INSERT OR IGNORE INTO admins (name, password_hash, security_stamp, created_at) VALUES ($name, $hash, $stamp, $now)",
            ("$name", name), ("$hash", passwordHash), ("$stamp", securityStamp), ("$now", Format(createdAt))) == 1;

    public bool Remove(string name) => Execute("DELETE FROM admins WHERE name = $name", ("$name", name)) == 1;

    public bool Any() => Query("SELECT 1 FROM admins LIMIT 1", _ => true).Count > 0;

    public IReadOnlyList<AdminAccount> List() =>
        Query("SELECT name, created_at, locked_until FROM admins ORDER BY name",
            r => new AdminAccount(r.GetString(0), Parse(r.GetString(1)), ParseOrNull(r, 2)));

    public AdminCredentials? Find(string name) =>
        Query("SELECT name, password_hash, locked_until, security_stamp FROM admins WHERE name = $name",
            r => new AdminCredentials(r.GetString(0), r.GetString(1), ParseOrNull(r, 2), r.GetString(3)), ("$name", name)).FirstOrDefault();

    public string? SecurityStamp(string name) =>
        Query("SELECT security_stamp FROM admins WHERE name = $name", r => r.GetString(0), ("$name", name)).FirstOrDefault();

    public bool RenewSecurityStamp(string name, string securityStamp) =>
        Execute("UPDATE admins SET security_stamp = $stamp WHERE name = $name", ("$name", name), ("$stamp", securityStamp)) == 1;

    public bool SetPassword(string name, string passwordHash, string securityStamp) =>
        Execute("UPDATE admins SET password_hash = $hash, security_stamp = $stamp WHERE name = $name",
            ("$name", name), ("$hash", passwordHash), ("$stamp", securityStamp)) == 1;

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

    public bool ResetFailedLogins(string name) =>
        Execute("UPDATE admins SET failed_logins = 0, locked_until = NULL WHERE name = $name", ("$name", name)) == 1;

    public void Audit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Execute("INSERT INTO audit (at, who, action, detail, result) VALUES ($at, $who, $action, $detail, $result)",
            ("$at", Format(entry.At)), ("$who", entry.Who), ("$action", entry.Action), ("$detail", entry.Detail), ("$result", entry.Result));
    }

    public IReadOnlyList<AuditEntry> RecentAudit(int count) =>
        Query("SELECT at, who, action, detail, result FROM audit ORDER BY id DESC LIMIT $count",
            r => new AuditEntry(Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ("$count", count));

    /// <summary>
    /// An admin.db made before security stamps gets the column, and each account a random stamp of its own (cookies
    /// issued before carry none, so their holders sign in once more). In one write transaction, so that the site and
    /// a verb opening the file together do not both add it.
    /// </summary>
    private void AddSecurityStamps()
    {
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var check = Command(connection, "SELECT count(*) FROM pragma_table_info('admins') WHERE name = 'security_stamp'", []);
            check.Transaction = transaction;
            if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) return;
            using var add = Command(connection, """
                ALTER TABLE admins ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
                UPDATE admins SET security_stamp = lower(hex(randomblob(16)));
                """, []);
            add.Transaction = transaction;
            add.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw new StorageException(SqliteWriteFailure.Reason(e), e);
        }
    }

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
