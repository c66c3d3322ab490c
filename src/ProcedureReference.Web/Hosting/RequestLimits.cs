using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using ProcedureReference.Web.Settings;

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
        RequestLimitOptions.Register(builder.Services);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
        {
            kestrel.AddServerHeader = false;
            // Kestrel is made while the app is built, before the settings are checked: a bad limit is named then, with the rest.
            if (!limits.TryGetValid(out var options)) return;
            // Public requests carry no body and the sign-in form a few hundred bytes; the admin upload raises its
            // own limit ([RequestSizeLimit] on Pages/Admin/Upload).
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        });
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestLimitOptions>>((timeouts, options) =>
            timeouts.AddPolicy(Database, new RequestTimeoutPolicy
            {
                Timeout = options.Value.RequestTimeout,
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
    [Range(1, long.MaxValue, ErrorMessage = "a whole number of bytes, at least 1")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    [Range(1, 24 * 60 * 60, ErrorMessage = "a whole number of seconds from 1 to 86400 (a day)")]
    public int RequestTimeoutSeconds { get; set; } = 5;

    /// <summary>How long a request may read the content; also how long a statement waits for a lock.</summary>
    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public static void Register(IServiceCollection services) => services.AddSettings<RequestLimitOptions>("Limits");
}
