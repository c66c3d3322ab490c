using Microsoft.AspNetCore.OutputCaching;
using ProcedureReference.Reading;

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

    public static IServiceCollection AddContentCache(this IServiceCollection services) =>
        services.AddOutputCache(cache =>
        {
            // /codes/j1100 must reach the page (which redirects to /codes/J1100), not the cached J1100 page.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromHours(1)).Tag(Tag));
        });

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
        app.UseOutputCache();
        return app;
    }
}
