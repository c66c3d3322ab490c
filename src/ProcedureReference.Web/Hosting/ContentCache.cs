using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using ProcedureReference.Reading;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Output caching of everything drawn from the content (code pages, search, browse, the API), dropped whole
/// when the live content changes (<see cref="IContentVersions"/>), so no reader sees a cached page of the old content
/// after the switch.
/// </summary>
public static class ContentCache
{
    public const string Policy = "content";
    private const string Tag = "content";

    public static IServiceCollection AddContentCache(this IServiceCollection services)
    {
        services.AddOutputCache(cache =>
        {
            // /codes/j1100 must reach the page (which redirects to /codes/J1100), not the cached J1100 page.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromHours(1)).Tag(Tag));
        });
        // Bounded by Memory:OutputCacheMegabytes (the least used entries go first past it).
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<MemoryOptions>>((cache, memory) =>
        {
            if (memory.TryGetValid(out var options)) cache.SizeLimit = options.OutputCacheMegabytes * 1024L * 1024;
        });
        return services;
    }

    /// <summary>Asks for the live version before the cache answers (which looks for a change), and empties the cache on a change.</summary>
    public static WebApplication UseContentCache(this WebApplication app)
    {
        var versions = app.Services.GetRequiredService<IContentVersions>();
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        // The in-memory store evicts synchronously; waiting here keeps the next request from reading a stale entry.
        versions.Changed += _ => store.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        app.Use((context, next) =>
        {
            _ = versions.Live;
            return next(context);
        });
        app.UseCacheCounting(() => app.UseOutputCache());
        return app;
    }

    /// <summary>
    /// Counts the requests the output cache may answer, as hits or misses, around <paramref name="useOutputCache"/>:
    /// a request that gets past the cache with a lookup allowed was a miss; one for which the cache was asked and that
    /// never got past it was answered from the cache. Only while metrics are exported.
    /// </summary>
    private static void UseCacheCounting(this WebApplication app, Action useOutputCache)
    {
        var metrics = app.Services.GetRequiredService<ReferenceMetrics>();
        app.Use(async (context, next) =>
        {
            if (!metrics.CountsCacheRequests)
            {
                await next(context);
                return;
            }
            var probe = new CacheProbe();
            context.Features.Set(probe);
            await next(context);
            // The output cache's own feature is gone by now; what the probe saw past the cache says what happened.
            if (probe.PastCache) { if (probe.LookedUp) metrics.CacheRequest(hit: false); }
            else if (HasCachePolicy(context)) metrics.CacheRequest(hit: true);
        });
        useOutputCache();
        app.Use((context, next) =>
        {
            if (context.Features.Get<CacheProbe>() is { } probe)
            {
                probe.PastCache = true;
                probe.LookedUp = context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheLookup == true;
            }
            return next(context);
        });
    }

    /// <summary>A page's [OutputCache] or an endpoint's CacheOutput(policy).</summary>
    private static bool HasCachePolicy(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<OutputCacheAttribute>() is not null || metadata.GetMetadata<IOutputCachePolicy>() is not null);

    private sealed class CacheProbe
    {
        public bool PastCache { get; set; }
        public bool LookedUp { get; set; }
    }
}
