using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ProcedureReference.Storage;
using ProcedureReference.Web.Features.Health;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// What a failed request gets: the API answers problem details (application/problem+json), everything else the
/// error page; both carry the request id that is in that request's log line. Outside Development neither ever
/// shows an exception's type, message or stack, which go to the log only.
/// </summary>
public static partial class ErrorResponses
{
    private const string ApiPrefix = "/api";

    public static WebApplicationBuilder AddErrorResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        // In this order: the first logs and passes on, the second answers the API.
        builder.Services.AddExceptionHandler<LoggingExceptionHandler>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        // Development keeps the developer exception page WebApplication adds.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = StatusFor,
                // LoggingExceptionHandler has logged it, with the request id the reader is shown.
                SuppressDiagnosticsCallback = _ => true,
            });
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Inside the page re-execution, so an API error is answered here first and never gets the HTML page.
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseStatusCodePages(context =>
            WriteProblemAsync(context.HttpContext, context.HttpContext.Response.StatusCode)));
        // Inside the handlers above: content that cannot be read is repaired (if it can be) before they answer 503.
        app.UseRepairAfterUnreadable();
        return app;
    }

    /// <summary>
    /// Problem details for an API error, whatever the client accepts (the default writer gives up on
    /// <c>Accept: text/html</c>): status, its title, the request id.
    /// </summary>
    public static Task WriteProblemAsync(HttpContext context, int status) =>
        Problem(context, status, ReasonPhrase(status)).ExecuteAsync(context);

    /// <summary>An endpoint's own problem details, with the request id even for a client that asks for HTML.</summary>
    public static IResult Problem(HttpContext context, int status, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["requestId"] = context.TraceIdentifier;
        return Results.Problem(problem);
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments(ApiPrefix);

    /// <summary>
    /// A malformed request keeps its 4xx (a body over the limit is 413, not 500); a query stopped by its time limit
    /// is 504; content locked past the command timeout, or that cannot be read, 503; work cancelled though this
    /// client is still there (see <see cref="LoggingExceptionHandler"/>) 503, to try again; anything else is a 500.
    /// </summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        QueryTimedOutException => StatusCodes.Status504GatewayTimeout,
        ContentBusyException or ContentUnreadableException or OperationCanceledException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string ReasonPhrase(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => "Too many requests: please wait a moment.",
        StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout => "The reference is busy: please try again in a moment.",
        >= 500 => "Something went wrong on our side.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>
    /// Logs a failed request's exception under the request id its reader is shown (the error page, problem details)
    /// and its request log line carries, then lets the next handler answer. A client's malformed request (a body over
    /// the limit, say) is not a server error and is not logged as one. Nor is a cancellation: a client that left is
    /// answered 499 by ASP.NET Core before this runs, and one still here got its cancellation from the output
    /// cache, which runs one request for everyone asking the same page at once under the first one's token, so
    /// when that client leaves the others waiting on it are cancelled too (a warning, and 503 to try again).
    /// </summary>
    private sealed partial class LoggingExceptionHandler(ILogger<LoggingExceptionHandler> logger) : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is OperationCanceledException) LogCancelled(logger, httpContext.TraceIdentifier, httpContext.Response.StatusCode);
            else if (exception is not BadHttpRequestException) LogFailed(logger, exception, httpContext.TraceIdentifier, httpContext.Response.StatusCode);
            return ValueTask.FromResult(false);
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} was cancelled before it could be answered, though its client is still there ({StatusCode})")]
        private static partial void LogCancelled(ILogger logger, string requestId, int statusCode);

        [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} failed ({StatusCode})")]
        private static partial void LogFailed(ILogger logger, Exception exception, string requestId, int statusCode);
    }

    /// <summary>An exception in an API request: problem details instead of the HTML error page the other requests get.</summary>
    private sealed class ApiExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
            if (!IsApi(new PathString(path))) return false;
            await WriteProblemAsync(httpContext, httpContext.Response.StatusCode);
            return true;
        }
    }
}
