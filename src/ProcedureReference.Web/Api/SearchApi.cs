using System.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using ProcedureReference.Search;
using ProcedureReference.Web.Features.Searching;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Api;

/// <summary>/api/search and /api/suggest: the same index and query as the search page, as JSON.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", (ISearchIndex index, ReferenceMetrics metrics, string? q, string? system, string? category, string? section, int? page, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(q)) return Results.Ok(SearchRequest.Nothing);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    return Results.Ok(index.Search(SearchRequest.ToQuery(q, system, category, section, page ?? 1), cancellationToken));
                }
                finally
                {
                    metrics.Searched(started);
                }
            })
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Search)
            .WithName("Search")
            .WithSummary("Pages ranked by relevance, with HTML-safe snippets, facet counts and paging.")
            .Produces<SearchResults>()
            .WithRequestTimeout(RequestLimits.Database);

        app.MapGet("/api/suggest", (ISearchIndex index, ReferenceMetrics metrics, string? q, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(q)) return Results.Ok(Array.Empty<Suggestion>());
                var started = Stopwatch.GetTimestamp();
                try
                {
                    return Results.Ok(index.Suggest(SearchText.Limit(q)!, cancellationToken: cancellationToken));
                }
                finally
                {
                    metrics.Suggested(started);
                }
            })
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Search)
            .WithName("Suggest")
            .WithSummary("Type-ahead: codes and titles starting with what was typed.")
            .Produces<IReadOnlyList<Suggestion>>()
            .WithRequestTimeout(RequestLimits.Database);
        return app;
    }
}
