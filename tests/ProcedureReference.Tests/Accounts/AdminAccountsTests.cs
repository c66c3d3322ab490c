using ProcedureReference.Sqlite;
using ProcedureReference.Tests.Support;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Tests.Accounts;

/// <summary>The account rules over the real SQLite admin store: failed sign-ins counted atomically, and the lock they lead to.</summary>
public sealed class AdminAccountsTests : IDisposable
{
    private const string Password = "a long enough password";
    private const int MaxFailedLogins = 20;
    private readonly TempFolder _temp = new();
    private readonly AdminAccounts _accounts;

    public AdminAccountsTests()
    {
        var options = new AdminOptions
        {
            DatabasePath = _temp.Combine("data", "admin.db"),
            KeysPath = _temp.Combine("data", "keys"),
            UploadsPath = _temp.Combine("data", "uploads"),
            MaxFailedLogins = MaxFailedLogins,
        };
        _accounts = new AdminAccounts(new SqliteAdminStore(options.DatabasePath), options);
        Assert.True(_accounts.Add("alice", Password));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Failed_sign_ins_at_the_same_time_all_count_towards_the_lock()
    {
        // Each failure is one UPDATE: none is lost to another's read-then-write, so exactly the last one locks.
        var outcomes = Enumerable.Range(0, MaxFailedLogins).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => _accounts.Verify("alice", "not the password")).ToList();

        Assert.Equal(MaxFailedLogins - 1, outcomes.Count(o => o == LoginOutcome.Invalid));
        Assert.Equal(1, outcomes.Count(o => o == LoginOutcome.LockedOut));
        Assert.Equal(LoginOutcome.LockedOut, _accounts.Verify("alice", Password));
        Assert.NotNull(Assert.Single(_accounts.List()).LockedUntil);
    }

    [Fact]
    public void A_successful_sign_in_starts_the_count_again()
    {
        for (var i = 0; i < MaxFailedLogins - 1; i++) Assert.Equal(LoginOutcome.Invalid, _accounts.Verify("alice", "not the password"));

        Assert.Equal(LoginOutcome.Succeeded, _accounts.Verify("alice", Password));

        for (var i = 0; i < MaxFailedLogins - 1; i++) Assert.Equal(LoginOutcome.Invalid, _accounts.Verify("alice", "not the password"));
        Assert.Equal(LoginOutcome.Succeeded, _accounts.Verify("alice", Password));
        Assert.Null(Assert.Single(_accounts.List()).LockedUntil);
    }

    [Fact]
    public void A_session_lasts_until_sign_out_a_new_password_or_removal_renews_or_deletes_the_stamp()
    {
        var first = _accounts.SignIn("alice", Password).SecurityStamp!;
        Assert.True(_accounts.IsCurrentSession("alice", first));
        Assert.Equal(first, _accounts.SignIn("alice", Password).SecurityStamp);

        Assert.True(_accounts.EndSessions("alice"));
        Assert.False(_accounts.IsCurrentSession("alice", first));
        var second = _accounts.SignIn("alice", Password).SecurityStamp!;
        Assert.True(_accounts.IsCurrentSession("alice", second));

        Assert.True(_accounts.ChangePassword("alice", "another long password"));
        Assert.False(_accounts.IsCurrentSession("alice", second));
        var third = _accounts.SignIn("alice", "another long password").SecurityStamp!;

        Assert.True(_accounts.Remove("alice"));
        Assert.False(_accounts.IsCurrentSession("alice", third));
        Assert.False(_accounts.IsCurrentSession("nobody", ""));
        Assert.False(_accounts.EndSessions("alice"));
        Assert.False(_accounts.ChangePassword("alice", "another long password"));
    }

    [Fact]
    public void A_locked_account_is_refused_without_a_stamp_even_with_the_right_password()
    {
        for (var i = 0; i < MaxFailedLogins; i++) _accounts.Verify("alice", "not the password");

        Assert.Equal(new LoginResult(LoginOutcome.LockedOut, null), _accounts.SignIn("alice", Password));
        Assert.True(_accounts.Unlock("alice"));
        Assert.Equal(LoginOutcome.Succeeded, _accounts.SignIn("alice", Password).Outcome);
        Assert.False(_accounts.Unlock("nobody"));
    }

    /// <summary>An admin.db from before security stamps gets the column, with a stamp of its own for each account.</summary>
    [Fact]
    public void An_admin_database_made_before_security_stamps_gains_them_and_keeps_its_accounts()
    {
        var path = _temp.Combine("old", "admin.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteFiles.ConnectionString(path)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE admins (
                    name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT, created_at TEXT NOT NULL);
                INSERT INTO admins (name, password_hash, created_at) VALUES ('bob', 'hash-b', '2026-01-01T00:00:00.0000000+00:00');
                INSERT INTO admins (name, password_hash, created_at) VALUES ('carol', 'hash-c', '2026-01-01T00:00:00.0000000+00:00');
                """;
            command.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var store = new SqliteAdminStore(path);
        _ = new SqliteAdminStore(path);

        var bob = store.Find("bob")!;
        var carol = store.Find("carol")!;
        Assert.Equal("hash-b", bob.PasswordHash);
        Assert.Equal(32, bob.SecurityStamp.Length);
        Assert.NotEqual(bob.SecurityStamp, carol.SecurityStamp);
        Assert.True(store.Add("dave", "hash-d", "stamp-d", DateTimeOffset.UtcNow));
        Assert.Equal("stamp-d", store.SecurityStamp("dave"));
    }

    [Fact]
    public void An_unknown_name_counts_nothing_and_fails()
    {
        Assert.Equal(LoginOutcome.Invalid, _accounts.Verify("mallory", Password));
        Assert.Equal(["alice"], _accounts.List().Select(a => a.Name));
    }
}
