using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Admin;

public sealed record AdminAccount(string Name, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil);

public sealed record AuditEntry(DateTimeOffset At, string Who, string Action, string Detail, string Result);

public enum LoginOutcome { Succeeded, Invalid, LockedOut }

/// <summary>
/// Admin accounts (names and hashed passwords, with lockout after repeated failures) and the audit log, in a
/// small SQLite file of their own beside the content database: publishing new content never touches them.
/// </summary>
public sealed partial class AdminStore
{
    public const int MinPasswordLength = 10;
    private static readonly PasswordHasher<string> Hasher = new();

    private readonly string _connectionString;
    private readonly AdminOptions _options;
    private readonly TimeProvider _clock;

    // Verifying against a real hash for unknown names too keeps the time a login takes from telling which names exist.
    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    public AdminStore(AdminOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        _connectionString = SqliteFiles.ConnectionString(options.DatabasePath);
        Execute("""
            CREATE TABLE IF NOT EXISTS admins (
                name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
                detail TEXT NOT NULL, result TEXT NOT NULL);
            """);
    }

    public static bool IsValidName(string name) => AccountName().IsMatch(name);

    /// <summary>Adds an account; false when the name is taken. The password is stored only as a salted hash.</summary>
    public bool Add(string name, string password)
    {
        if (!IsValidName(name)) throw new ArgumentException("a name is 1 to 64 letters, digits, '.', '_' or '-'", nameof(name));
        if (password.Length < MinPasswordLength) throw new ArgumentException($"a password has at least {MinPasswordLength} characters", nameof(password));
        return Execute("INSERT OR IGNORE INTO admins (name, password_hash, created_at) VALUES ($name, $hash, $now)",
            ("$name", name), ("$hash", Hasher.HashPassword(name, password)), ("$now", Now())) == 1;
    }

    public bool Remove(string name) => Execute("DELETE FROM admins WHERE name = $name", ("$name", name)) == 1;

    public bool Any() => Query("SELECT 1 FROM admins LIMIT 1", _ => true).Count > 0;

    public IReadOnlyList<AdminAccount> List() =>
        Query("SELECT name, created_at, locked_until FROM admins ORDER BY name",
            r => new AdminAccount(r.GetString(0), Parse(r.GetString(1)), r.IsDBNull(2) ? null : Parse(r.GetString(2))));

    /// <summary>
    /// Checks a password. After <see cref="AdminOptions.MaxFailedLogins"/> failures in a row the account is locked
    /// for <see cref="AdminOptions.Lockout"/>, and while locked even the right password is refused.
    /// </summary>
    public LoginOutcome Verify(string name, string password)
    {
        var row = Query("SELECT password_hash, failed_logins, locked_until FROM admins WHERE name = $name",
            r => (Hash: r.GetString(0), Failures: r.GetInt32(1), LockedUntil: r.IsDBNull(2) ? (DateTimeOffset?)null : Parse(r.GetString(2))),
            ("$name", name)).FirstOrDefault();
        if (row.Hash is null)
        {
            Hasher.VerifyHashedPassword("", DummyHash, password);
            return LoginOutcome.Invalid;
        }
        if (row.LockedUntil is { } until && until > _clock.GetUtcNow()) return LoginOutcome.LockedOut;

        if (Hasher.VerifyHashedPassword(name, row.Hash, password) != PasswordVerificationResult.Failed)
        {
            Execute("UPDATE admins SET failed_logins = 0, locked_until = NULL WHERE name = $name", ("$name", name));
            return LoginOutcome.Succeeded;
        }
        var failures = row.Failures + 1;
        var locked = failures >= _options.MaxFailedLogins;
        Execute("UPDATE admins SET failed_logins = $failures, locked_until = $until WHERE name = $name",
            ("$name", name), ("$failures", locked ? 0 : failures), ("$until", locked ? Format(_clock.GetUtcNow() + _options.Lockout) : null));
        return locked ? LoginOutcome.LockedOut : LoginOutcome.Invalid;
    }

    public void Audit(string who, string action, string detail, string result) =>
        Execute("INSERT INTO audit (at, who, action, detail, result) VALUES ($at, $who, $action, $detail, $result)",
            ("$at", Now()), ("$who", who), ("$action", action), ("$detail", detail), ("$result", result));

    public IReadOnlyList<AuditEntry> RecentAudit(int count) =>
        Query("SELECT at, who, action, detail, result FROM audit ORDER BY id DESC LIMIT $count",
            r => new AuditEntry(Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ("$count", count));

    private string Now() => Format(_clock.GetUtcNow());
    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex AccountName();
}
