using ProcedureReference.Storage;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ProcedureReference.Web.Hosting;

public static class Logging
{
    /// <summary>
    /// Serilog (Serilog.AspNetCore) as the host's logger, configured by the "Serilog" section, plus any Serilog sink
    /// registered as a service (a test's file sink, say). Both are read when the container builds the logger, so
    /// settings and services added after this call count too. Every event carries the instance's name
    /// (<see cref="InstanceEnricher"/>).
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        InstanceOptions.Register(builder.Services);
        builder.Services.AddSingleton<ILogEventEnricher, InstanceEnricher>();
        // Each host keeps its own logger instead of replacing the static Log.Logger: tests run several hosts in one process.
        builder.Services.AddSerilog((services, logger) => logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Filter.ByExcluding(e => IsCancelledQuery(e, services.GetService<IStorageEngine>())),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// EF Core's own error events ("Failed executing DbCommand", "An exception occurred while iterating over the
    /// results of a query") for a statement stopped because its request was cancelled or timed out: SQLite reports
    /// the interrupt the reading code asked for (SQLITE_INTERRUPT), PostgreSQL a cancelled statement (57014), which EF
    /// does not take for a cancellation. Under load, every search a client abandoned left an error with a stack
    /// trace. What the request came to is logged once by the error handling (a 503 or 504), or not at all when its
    /// client had gone.
    /// </summary>
    public static bool IsCancelledQuery(LogEvent logEvent, IStorageEngine? engine) =>
        logEvent.Exception is { } exception
        && logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
        && source is ScalarValue { Value: string context }
        && context.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
        && (exception is OperationCanceledException || engine?.IsCancelledStatement(exception) == true);
}
