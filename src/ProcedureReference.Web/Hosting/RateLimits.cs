using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Per-client rate limits on the public endpoints (ASP.NET Core's rate limiter, token buckets partitioned by client
/// address): a burst of <c>permits</c> requests, refilled at <c>permits</c> per window. Past it a request gets 429
/// with Retry-After: problem details from the API, the error page elsewhere (see <see cref="ErrorResponses"/>).
/// The admin sign-in and upload limits (<c>AdminSetup</c>) share the rejection but not the switch: they stay on.
/// </summary>
public static class RateLimits
{
    /// <summary>Search and type-ahead (page and API) and the code API: each one is real work.</summary>
    public const string Search = "search";

    /// <summary>Home, code pages, browse, sitemap, health, OpenAPI: mostly output-cached, so a generous limit that only stops floods (an unknown code is never cached).</summary>
    public const string Pages = "pages";

    /// <summary>Refills per window: smooth, so a client that stays under the rate never waits for a window to turn.</summary>
    private const int RefillsPerWindow = 10;

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        RateLimitOptions.Register(builder.Services);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, rateLimits) =>
        {
            var options = rateLimits.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(context.Lease);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Search, context => PerClient(context, options, options.SearchPermits));
            limiter.AddPolicy(Pages, context => PerClient(context, options, options.PagePermits));
        });
        return builder;
    }

    /// <summary>Before the output cache, so cached answers count too; after the error pages, which render the 429.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Who a request counts against: its address; an IPv6 address by its /64, which one home or host is given whole
    /// (else a client could rotate through addresses). Behind a reverse proxy named in <c>Proxy:KnownProxies</c> or
    /// <c>Proxy:KnownNetworks</c> the address is the client's as the proxy forwarded it (see <see cref="ForwardedHeaders"/>);
    /// behind any other every client has the proxy's address and shares its budget.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "local";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimitOptions options, int permits)
    {
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = Math.Max(1, permits / RefillsPerWindow),
            ReplenishmentPeriod = options.Window / RefillsPerWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : "60";
}

/// <summary>The <c>RateLimits</c> section. Enabled=false (benchmarks, scanners) switches the public limits off.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int SearchPermits { get; set; } = 100;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int PagePermits { get; set; } = 300;

    [Range(1, 24 * 60 * 60, ErrorMessage = "a whole number of seconds from 1 to 86400 (a day)")]
    public int WindowSeconds { get; set; } = 10;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public static void Register(IServiceCollection services) => services.AddSettings<RateLimitOptions>("RateLimits");
}
