using ProcedureReference.Accounts;
using ProcedureReference.Postgres;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>Admin accounts and the audit log in the shared database.</summary>
public sealed class PostgresAdminStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly PostgresAdminStore _store;

    public PostgresAdminStoreTests() => _store = new PostgresAdminStore(new PostgresOptions { ConnectionString = _database.ConnectionString });

    private PostgresAdminStore Store => _store;

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public void Accounts_are_added_once_listed_found_and_removed()
    {
        Assert.False(Store.Any());
        Assert.True(Store.Add("bob", "hash-b", "stamp-b", Now));
        Assert.True(Store.Add("alice", "hash-a", "stamp-a", Now));
        Assert.False(Store.Add("alice", "other", "stamp-o", Now));

        Assert.True(Store.Any());
        Assert.Equal(["alice", "bob"], Store.List().Select(a => a.Name));
        Assert.Equal(new AdminCredentials("alice", "hash-a", null, "stamp-a"), Store.Find("alice"));
        Assert.Equal(Now, Store.List()[0].CreatedAt);
        Assert.True(Store.Remove("alice"));
        Assert.False(Store.Remove("alice"));
        Assert.Null(Store.Find("alice"));
    }

    [PostgresFact]
    public void Concurrent_failed_sign_ins_all_count_and_lock_at_the_limit()
    {
        Store.Add("alice", "hash", "stamp", Now);
        var until = Now.AddMinutes(15);

        var results = Enumerable.Range(0, 24).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => Store.CountFailedLogin("alice", 5, Now, until)).ToList();

        // 24 failures at 5 a lock: the 5th, 10th, 15th and 20th each locked it; 4 counted since.
        Assert.Equal(until, Store.Find("alice")!.LockedUntil);
        Assert.Equal(4 + 4 * 5, results.Count);
        Assert.Equal(4, results.Count(r => r is null));
        Assert.True(Store.ResetFailedLogins("alice"));
        Assert.Null(Store.Find("alice")!.LockedUntil);
        Assert.False(Store.ResetFailedLogins("nobody"));
        Assert.Null(Store.CountFailedLogin("nobody", 5, Now, until));
    }

    [PostgresFact]
    public void A_security_stamp_is_renewed_with_a_new_password_or_alone_and_goes_with_the_account()
    {
        Store.Add("alice", "hash", "stamp-1", Now);

        Assert.Equal("stamp-1", Store.SecurityStamp("alice"));
        Assert.True(Store.RenewSecurityStamp("alice", "stamp-2"));
        Assert.Equal("stamp-2", Store.SecurityStamp("alice"));
        Assert.True(Store.SetPassword("alice", "hash-2", "stamp-3"));
        Assert.Equal(new AdminCredentials("alice", "hash-2", null, "stamp-3"), Store.Find("alice"));
        Assert.True(Store.Remove("alice"));
        Assert.Null(Store.SecurityStamp("alice"));
        Assert.False(Store.RenewSecurityStamp("alice", "stamp-4"));
        Assert.False(Store.SetPassword("alice", "hash-4", "stamp-4"));
    }

    [PostgresFact]
    public void The_audit_log_reads_newest_first()
    {
        Store.Audit(new AuditEntry(Now, "alice", "publish", "v1", "ok"));
        Store.Audit(new AuditEntry(Now.AddMinutes(1), "bob", "rollback", "v1", "refused"));

        var recent = Store.RecentAudit(5);

        Assert.Equal(["bob", "alice"], recent.Select(e => e.Who));
        Assert.Equal(new AuditEntry(Now.AddMinutes(1), "bob", "rollback", "v1", "refused"), recent[0]);
        Assert.Single(Store.RecentAudit(1));
    }
}
