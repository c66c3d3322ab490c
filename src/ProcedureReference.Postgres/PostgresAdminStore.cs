using Npgsql;
using ProcedureReference.Accounts;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// Admin accounts (names, hashed passwords, security stamps, failed sign-ins and lock) and the audit log in the
/// shared database, so that an account added or removed on one instance is added or removed on all, and a session
/// ended on one (its stamp renewed) is ended on all. A failure of the server surfaces
/// as a <see cref="StorageException"/> whose message is the reason.
/// </summary>
public sealed class PostgresAdminStore : IAdminStore
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _source;

    /// <param name="options">The database and the statements' time limit.</param>
    /// <param name="source">The engine's shared pool (as registered); a pool of the store's own when null.</param>
    public PostgresAdminStore(PostgresOptions options, NpgsqlDataSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = options.ConnectionString;
        _source = source ?? options.CreateDataSource();
    }

    public bool Add(string name, string passwordHash, string securityStamp, DateTimeOffset createdAt) =>
        Execute("INSERT INTO admins (name, password_hash, security_stamp, created_at) VALUES (@name, @hash, @stamp, @now) ON CONFLICT (name) DO NOTHING",
            ("name", name), ("hash", passwordHash), ("stamp", securityStamp), ("now", createdAt.ToUniversalTime())) == 1;

    public bool Remove(string name) => Execute("DELETE FROM admins WHERE name = @name", ("name", name)) == 1;

    public bool Any() => Query("SELECT 1 FROM admins LIMIT 1", _ => true).Count > 0;

    public IReadOnlyList<AdminAccount> List() =>
        Query("SELECT name, created_at, locked_until FROM admins ORDER BY name COLLATE \"C\"",
            r => new AdminAccount(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), TimeOrNull(r, 2)));

    public AdminCredentials? Find(string name) =>
        Query("SELECT name, password_hash, locked_until, security_stamp FROM admins WHERE name = @name",
            r => new AdminCredentials(r.GetString(0), r.GetString(1), TimeOrNull(r, 2), r.GetString(3)), ("name", name)).FirstOrDefault();

    public string? SecurityStamp(string name) =>
        Query("SELECT security_stamp FROM admins WHERE name = @name", r => r.GetString(0), ("name", name)).FirstOrDefault();

    public bool RenewSecurityStamp(string name, string securityStamp) =>
        Execute("UPDATE admins SET security_stamp = @stamp WHERE name = @name", ("name", name), ("stamp", securityStamp)) == 1;

    public bool SetPassword(string name, string passwordHash, string securityStamp) =>
        Execute("UPDATE admins SET password_hash = @hash, security_stamp = @stamp WHERE name = @name",
            ("name", name), ("hash", passwordHash), ("stamp", securityStamp)) == 1;

    // One statement: the row lock makes concurrent failures wait for each other and each add one. A lock another
    // failure has just set is kept; an expired one is cleared.
    public DateTimeOffset? CountFailedLogin(string name, int lockAfter, DateTimeOffset now, DateTimeOffset lockUntil) =>
        Query("""
            UPDATE admins SET
                failed_logins = CASE WHEN failed_logins + 1 >= @lockAfter THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= @lockAfter THEN @until
                                    WHEN locked_until > @now THEN locked_until END
            WHERE name = @name
            RETURNING locked_until
            """,
            r => TimeOrNull(r, 0),
            ("name", name), ("lockAfter", lockAfter), ("now", now.ToUniversalTime()), ("until", lockUntil.ToUniversalTime())).FirstOrDefault();

    public bool ResetFailedLogins(string name) =>
        Execute("UPDATE admins SET failed_logins = 0, locked_until = NULL WHERE name = @name", ("name", name)) == 1;

    public void Audit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Execute("INSERT INTO audit (at, who, action, detail, result) VALUES (@at, @who, @action, @detail, @result)",
            ("at", entry.At.ToUniversalTime()), ("who", entry.Who), ("action", entry.Action), ("detail", entry.Detail), ("result", entry.Result));
    }

    public IReadOnlyList<AuditEntry> RecentAudit(int count) =>
        Query("SELECT at, who, action, detail, result FROM audit ORDER BY id DESC LIMIT @count",
            r => new AuditEntry(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ("count", count));

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        try
        {
            using var connection = Open();
            using var command = Command(connection, sql, parameters);
            return command.ExecuteNonQuery();
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw PostgresFailure.Wrap("the admin accounts could not be written", e);
        }
    }

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
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
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw PostgresFailure.Wrap("the admin accounts could not be read", e);
        }
    }

    private NpgsqlConnection Open()
    {
        PostgresSchema.EnsureCreated(_connectionString);
        return _source.OpenConnection();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
