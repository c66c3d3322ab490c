using Microsoft.Data.Sqlite;
using Npgsql;
using ProcedureReference.Postgres;
using ProcedureReference.Sqlite;
using ProcedureReference.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace ProcedureReference.Web.Tests.Settings;

/// <summary>EF Core's error events for a statement its request's cancellation stopped are left out of the log; other errors stay.</summary>
public sealed class CancelledQueryLogTests
{
    private static LogEvent Event(string source, Exception exception) => new(
        DateTimeOffset.UtcNow, LogEventLevel.Error, exception, new MessageTemplateParser().Parse("Failed executing DbCommand"),
        [new LogEventProperty("SourceContext", new ScalarValue(source))]);

    private static readonly SqliteEngine Sqlite = new();

    [Fact]
    public void An_interrupted_statement_logged_by_EF_is_left_out()
    {
        Assert.True(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new SqliteException("SQLite Error 9: 'interrupted'.", 9)), Sqlite));
        Assert.True(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Query", new OperationCanceledException()), Sqlite));
        Assert.True(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Query", new OperationCanceledException()), null));
    }

    [Fact]
    public void A_statement_PostgreSQL_cancelled_is_left_out_and_its_other_errors_stay()
    {
        var postgres = new PostgresEngine();
        Assert.True(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new PostgresException("canceling statement due to user request", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled)), postgres));
        Assert.False(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new PostgresException("disk full", "ERROR", "ERROR", PostgresErrorCodes.DiskFull)), postgres));
        // Each engine answers for its own failures only.
        Assert.False(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new SqliteException("SQLite Error 9: 'interrupted'.", 9)), postgres));
    }

    [Fact]
    public void Other_failures_and_other_sources_stay()
    {
        Assert.False(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11)), Sqlite));
        Assert.False(Logging.IsCancelledQuery(Event("ProcedureReference.Web.Hosting.ErrorResponses", new SqliteException("SQLite Error 9: 'interrupted'.", 9)), Sqlite));
    }
}
