using Serilog;

namespace ProcedureReference.Web.Hosting;

public static class Logging
{
    /// <summary>Serilog through builder.Logging (Serilog.AspNetCore does not restore here), configured by the "Serilog" section.</summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
