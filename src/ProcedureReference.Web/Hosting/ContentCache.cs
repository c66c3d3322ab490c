using Microsoft.AspNetCore.OutputCaching;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Output caching of everything drawn from the content (code pages, search, browse, the API), dropped whole
/// when a new database is switched in, so no reader sees a cached page of the old content after the switch.
/// </summary>
public static class ContentCache
{
    public const string Policy = "content";
    private const string Tag = "content";

    public static IServiceCollection AddContentCache(this IServiceCollection services) =>
        services.AddOutputCache(cache =>
        {
            // /codes/j1100 must reach the page (which redirects to /codes/J1100), not the cached J1100 page.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromHours(1)).Tag(Tag));
        });

    /// <summary>Checks for a switched database before the cache answers, and empties the cache when there was one.</summary>
    public static WebApplication UseContentCache(this WebApplication app)
    {
        var live = app.Services.GetRequiredService<LiveDatabase>();
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        // The in-memory store evicts synchronously; waiting here keeps the next request from reading a stale entry.
        live.Switched += () => store.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        app.Use((context, next) =>
        {
            live.CheckForNewContent();
            return next(context);
        });
        app.UseOutputCache();
        return app;
    }
}
