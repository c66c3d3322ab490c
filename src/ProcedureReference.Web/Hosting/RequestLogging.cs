using Serilog;
using Serilog.Events;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// One log line per request by Serilog's request logging: method, path, status, elapsed milliseconds and the request
/// id the error page and problem details show. Never the query string (what a reader searched for), headers
/// (cookies), form fields (passwords) or bodies (uploads): the line has only the properties listed here.
/// </summary>
public static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms ({RequestId})";

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger (the static one is left alone; see Logging).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.IncludeQueryInRequestPath = false;
            // A server error is logged once, as an error with its exception, by ErrorResponses under this line's
            // request id; its request line stays information like any other.
            options.GetLevel = (_, _, exception) => exception is null ? LogEventLevel.Information : LogEventLevel.Error;
            options.GetMessageTemplateProperties = (context, path, elapsedMs, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(LoggedPath.Printable(path))),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsedMs)),
                new LogEventProperty("RequestId", new ScalarValue(context.TraceIdentifier)),
            ];
        });
        return app;
    }
}
