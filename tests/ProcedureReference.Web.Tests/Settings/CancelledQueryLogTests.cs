using Microsoft.Data.Sqlite;
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

    [Fact]
    public void An_interrupted_statement_logged_by_EF_is_left_out()
    {
        Assert.True(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new SqliteException("SQLite Error 9: 'interrupted'.", 9))));
        Assert.True(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Query", new OperationCanceledException())));
    }

    [Fact]
    public void Other_failures_and_other_sources_stay()
    {
        Assert.False(Logging.IsCancelledQuery(Event("Microsoft.EntityFrameworkCore.Database.Command", new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11))));
        Assert.False(Logging.IsCancelledQuery(Event("ProcedureReference.Web.Hosting.ErrorResponses", new SqliteException("SQLite Error 9: 'interrupted'.", 9))));
    }
}
