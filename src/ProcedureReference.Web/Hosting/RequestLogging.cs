using System.Diagnostics;
using System.Text;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// One structured log line per request: method, path, status, elapsed milliseconds and the request id the error
/// page and problem details show. Never the query string (what a reader searched for), headers (cookies), form
/// fields (passwords) or bodies (uploads).
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    /// <summary>Paths longer than this are cut: a request line may be 8 KB, a log line need not.</summary>
    public const int MaxLoggedPathChars = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var path = Printable(context.Request.Path.Value ?? "/");
                LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, elapsedMs, context.TraceIdentifier);
            }
        }
    }

    /// <summary>
    /// The decoded path as it may be written to a text log: control characters (a %0d%0a that would start a forged
    /// log line) escaped as \uXXXX, and the length capped.
    /// </summary>
    public static string Printable(string path)
    {
        var cut = path.Length > MaxLoggedPathChars;
        var text = new StringBuilder(Math.Min(path.Length, MaxLoggedPathChars) + 8);
        foreach (var c in cut ? path[..MaxLoggedPathChars] : path)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029') text.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else text.Append(c);
        }
        return cut ? text.Append('…').ToString() : text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms ({RequestId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string requestId);
}
