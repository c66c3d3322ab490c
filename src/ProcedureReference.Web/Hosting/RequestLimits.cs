using System.Globalization;
using Microsoft.AspNetCore.Http.Timeouts;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Bounds on what one request may send and how long it may hold the database: Kestrel's size limits, and a
/// timeout on every endpoint that reads the content. A timed-out request's token interrupts its running query
/// (the storage engine stops it), and it is answered 504; content locked by a writer for as long is answered 503.
/// Either is the error page, or problem details from the API.
/// </summary>
public static class RequestLimits
{
    /// <summary>The request-timeout policy of the endpoints that read the content.</summary>
    public const string Database = "database";

    /// <summary>Kestrel's defaults, stated: a longer request line (a query over 8 KB) is 414, more header bytes 431.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxRequestHeaderBytes = 32 * 1024;
    public const int MaxRequestHeaderCount = 100;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var options = RequestLimitOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Public requests carry no body and the sign-in form a few hundred bytes; the admin upload raises its
            // own limit ([RequestSizeLimit] on Pages/Admin/Index).
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        });
        builder.Services.AddRequestTimeouts(timeouts => timeouts.AddPolicy(Database, new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        }));
        return builder;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseRequestTimeouts();
        return app;
    }
}

/// <summary>The <c>Limits</c> section.</summary>
public sealed class RequestLimitOptions
{
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>How long a request may read the content; also how long a statement waits for a lock.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static RequestLimitOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Limits");
        var defaults = new RequestLimitOptions();
        return new RequestLimitOptions
        {
            MaxRequestBodyBytes = long.TryParse(section["MaxRequestBodyBytes"], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes : defaults.MaxRequestBodyBytes,
            RequestTimeout = int.TryParse(section["RequestTimeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds) : defaults.RequestTimeout,
        };
    }
}
