using Serilog;
using Serilog.Core;

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
                .ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }
}
