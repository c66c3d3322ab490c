using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;
using SQLitePCL;

namespace ProcedureReference.Tests.Sqlite;

/// <summary>A statement stopped by its time limit is a timed-out query; one stopped by its caller is a cancellation.</summary>
public sealed class StatementGuardTests
{
    /// <summary>Counts to a trillion: minutes of work unless something stops it.</summary>
    private const string EndlessCount =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 1000000000000) SELECT count(*) FROM n";

    [Fact]
    public void A_statement_past_the_time_limit_is_a_timed_out_query()
    {
        var thrown = Run(TimeSpan.FromSeconds(1), onStep: null, CancellationToken.None);

        Assert.IsType<QueryTimedOutException>(thrown);
    }

    [Fact]
    public void A_statement_its_caller_cancels_is_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();

        // Cancelled from inside the running statement, so the cancel cannot land before it starts.
        var thrown = Run(TimeSpan.FromHours(1), onStep: cancel.Cancel, cancel.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    private static Exception Run(TimeSpan limit, Action? onStep, CancellationToken caller)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        command.ExecuteScalar(); // warm: the guarded statement starts at once
        if (onStep is not null)
            raw.sqlite3_progress_handler(connection.Handle, 1000, _ => { onStep(); return 0; }, null);
        command.CommandText = EndlessCount;
        using var guard = StatementGuard.Start(connection, limit, caller);
        var failure = Assert.Throws<SqliteException>(() => command.ExecuteScalar());
        return guard.Translate(failure) ?? failure;
    }
}
