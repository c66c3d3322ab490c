using System.Diagnostics;

namespace ProcedureReference.Web.Hosting;

/// <summary>One structured log line per request: method, path, status and elapsed milliseconds (never the query string, cookies or bodies).</summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var path = context.Request.Path.Value ?? "/";
            LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, elapsedMs, context.TraceIdentifier);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms ({RequestId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string requestId);
}
