using ProcedureReference.Sqlite;
using ProcedureReference.Tests.Support;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Tests.Cli;

/// <summary>The `admin` verb and `import --stage`, in-process, against a temp data folder.</summary>
public sealed class AdminCliTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _database;

    public AdminCliTests() => _database = _temp.Combine("data", "procedures.db");

    public void Dispose() => _temp.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Admin(string stdin, params string[] args) =>
        Verb.RunWithInput(stdin, ["admin", .. args, "--db", _database]);

    private AdminAccounts Store()
    {
        var path = _temp.Combine("data", "admin.db");
        return new AdminAccounts(new SqliteAdminStore(path), new AdminOptions { DatabasePath = path });
    }

    [Fact]
    public void Add_reads_the_password_from_standard_input_and_stores_only_its_hash()
    {
        var (exitCode, stdout, _) = Admin("a long enough password\n", "add", "alice");

        Assert.Equal(0, exitCode);
        Assert.Contains("Added admin alice", stdout, StringComparison.Ordinal);
        Assert.Equal(LoginOutcome.Succeeded, Store().Verify("alice", "a long enough password"));
        Assert.Equal(LoginOutcome.Invalid, Store().Verify("alice", "another password"));
        var stored = string.Join(" ", Sql.Rows(_temp.Combine("data", "admin.db"), "SELECT * FROM admins").SelectMany(r => r));
        Assert.DoesNotContain("a long enough password", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void List_and_remove_show_and_delete_accounts_and_are_audited()
    {
        Admin("a long enough password\n", "add", "alice");
        Admin("another long password\n", "add", "bob");

        var (_, listed, _) = Admin("", "list");
        var (removed, _, _) = Admin("", "remove", "bob");
        var (_, after, _) = Admin("", "list");

        Assert.Contains("alice", listed, StringComparison.Ordinal);
        Assert.Contains("bob", listed, StringComparison.Ordinal);
        Assert.Equal(0, removed);
        Assert.DoesNotContain("bob", after, StringComparison.Ordinal);
        Assert.Contains(Store().RecentAudit(10), e => e.Action == "remove admin" && e.Detail == "bob");
    }

    [Fact]
    public void Passwd_reads_a_new_password_from_standard_input_ends_the_sessions_and_is_audited()
    {
        Admin("a long enough password\n", "add", "alice");
        var before = Store().SignIn("alice", "a long enough password").SecurityStamp!;

        var (exitCode, stdout, _) = Admin("a brand new password\n", "passwd", "alice");

        Assert.Equal(0, exitCode);
        Assert.Contains("every session of alice has ended", stdout, StringComparison.Ordinal);
        Assert.Equal(LoginOutcome.Invalid, Store().Verify("alice", "a long enough password"));
        Assert.Equal(LoginOutcome.Succeeded, Store().Verify("alice", "a brand new password"));
        Assert.False(Store().IsCurrentSession("alice", before));
        Assert.Contains(Store().RecentAudit(10), e => e.Action == "change password" && e.Detail == "alice");
    }

    [Theory]
    [InlineData("short\n")]
    [InlineData("")]
    public void Passwd_with_a_short_or_missing_password_changes_nothing(string stdin)
    {
        Admin("a long enough password\n", "add", "alice");

        var (exitCode, _, stderr) = Admin(stdin, "passwd", "alice");

        Assert.Equal(1, exitCode);
        Assert.Contains("at least 10 characters", stderr, StringComparison.Ordinal);
        Assert.Equal(LoginOutcome.Succeeded, Store().Verify("alice", "a long enough password"));
    }

    [Fact]
    public void Unlock_lifts_the_lock_of_repeated_failures_and_is_audited()
    {
        Admin("a long enough password\n", "add", "alice");
        var store = Store();
        for (var i = 0; i < new AdminOptions().MaxFailedLogins; i++) store.Verify("alice", "not the password");
        Assert.Equal(LoginOutcome.LockedOut, store.Verify("alice", "a long enough password"));

        var (exitCode, stdout, _) = Admin("", "unlock", "alice");

        Assert.Equal(0, exitCode);
        Assert.Contains("Unlocked alice", stdout, StringComparison.Ordinal);
        Assert.Equal(LoginOutcome.Succeeded, store.Verify("alice", "a long enough password"));
        Assert.Contains(store.RecentAudit(10), e => e.Action == "unlock admin" && e.Detail == "alice");
    }

    [Theory]
    [InlineData("passwd")]
    [InlineData("unlock")]
    public void Passwd_and_unlock_of_an_unknown_account_exit_1(string verb)
    {
        Admin("a long enough password\n", "add", "alice");

        var (exitCode, _, stderr) = Admin("a brand new password\n", verb, "nobody");

        Assert.Equal(1, exitCode);
        Assert.Contains("there is no account named nobody", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("passwd", "end every session")]
    [InlineData("unlock", "Lift the lock")]
    public void Passwd_and_unlock_have_help(string verb, string words)
    {
        var (exitCode, stdout, _) = Verb.Run("admin", verb, "--help");
        var (_, adminHelp, _) = Verb.Run("admin", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(words, stdout, StringComparison.Ordinal);
        Assert.Contains(verb, adminHelp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short\n", "at least 10 characters")]
    [InlineData("", "at least 10 characters")]
    public void A_short_or_missing_password_adds_nothing(string stdin, string message)
    {
        var (exitCode, _, stderr) = Admin(stdin, "add", "alice");

        Assert.Equal(1, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(Store().Any());
    }

    [Fact]
    public void A_taken_name_or_an_unknown_account_exits_1()
    {
        Admin("a long enough password\n", "add", "alice");

        Assert.Equal(1, Admin("another long password\n", "add", "alice").ExitCode);
        Assert.Equal(1, Admin("", "remove", "nobody").ExitCode);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add", "bad name!")]
    [InlineData("delete", "alice")]
    [InlineData("passwd")]
    [InlineData("unlock")]
    public void A_wrong_command_line_is_a_usage_error_and_adds_nothing(params string[] args)
    {
        var (exitCode, stdout, stderr) = Admin("a long enough password\n", args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.NotEmpty(stderr);
        Assert.False(Store().Any());
    }

    [Fact]
    public void Import_with_stage_leaves_the_live_content_and_stages_the_import()
    {
        var content = SeedContent.CopyTo(_temp);
        Assert.Equal(0, Verb.Run("import", "--content", content, "--db", _database).ExitCode);

        var (exitCode, stdout, _) = Verb.Run("import", "--content", content, "--db", _database, "--stage");

        Assert.Equal(0, exitCode);
        Assert.Contains("Staged as ", stdout, StringComparison.Ordinal);
        var store = new SqliteContentStore(_database);
        Assert.Single(store.Staged());
        Assert.Equal(1, store.Versions().LiveNumber);
    }
}
