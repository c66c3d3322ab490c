using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Tests.Storage;

/// <summary>A cancelled token stops a statement that is already running, and nothing else.</summary>
public sealed class SqliteInterruptTests
{
    /// <summary>Counts to a trillion: minutes of work unless something stops it.</summary>
    private const string EndlessCount =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 1000000000000) SELECT count(*) FROM n";

    [Fact]
    public async Task Cancelling_interrupts_a_running_statement_at_once()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        // The statement says when it runs, and only then is the token cancelled: a cancel before it starts would
        // interrupt nothing (see the next test) and leave minutes of counting.
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.CreateFunction("running", () => { running.TrySetResult(); return 1L; });
        using var cancel = new CancellationTokenSource();
        using var command = connection.CreateCommand();
        command.CommandText = EndlessCount.Replace("SELECT 1 UNION ALL", "SELECT running() UNION ALL", StringComparison.Ordinal);

        var cancelWhenRunning = running.Task.ContinueWith(_ => cancel.Cancel(), TaskScheduler.Default);
        SqliteException thrown;
        using (SqliteInterrupt.OnCancel(connection, cancel.Token))
            thrown = Assert.Throws<SqliteException>(() => command.ExecuteScalar());
        await cancelWhenRunning;

        Assert.True(SqliteInterrupt.IsInterrupt(thrown), thrown.Message);
    }

    [Fact]
    public void A_cancel_between_statements_leaves_the_connection_whole_for_its_next_user()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var cancel = new CancellationTokenSource();
        using (SqliteInterrupt.OnCancel(connection, cancel.Token))
            cancel.Cancel(); // a request timed out while it was not running a statement (waiting on a lock, say)

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";

        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public void After_the_registration_is_disposed_a_cancel_interrupts_nothing()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var cancel = new CancellationTokenSource();
        SqliteInterrupt.OnCancel(connection, cancel.Token).Dispose();
        cancel.Cancel();

        using var command = connection.CreateCommand();
        command.CommandText = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 100000) SELECT count(*) FROM n";

        Assert.Equal(100000L, command.ExecuteScalar());
    }
}
