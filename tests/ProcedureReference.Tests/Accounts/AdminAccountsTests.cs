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
    public void An_unknown_name_counts_nothing_and_fails()
    {
        Assert.Equal(LoginOutcome.Invalid, _accounts.Verify("mallory", Password));
        Assert.Equal(["alice"], _accounts.List().Select(a => a.Name));
    }
}
