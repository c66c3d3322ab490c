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
        app.MapGet("/api/search", (ISearchIndex index, string? q, string? system, string? category, string? section, int? page, CancellationToken cancellationToken) =>
                string.IsNullOrWhiteSpace(q)
                    ? Results.Ok(SearchRequest.Nothing)
                    : Results.Ok(index.Search(SearchRequest.ToQuery(q, system, category, section, page ?? 1), cancellationToken)))
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Search)
            .WithName("Search")
            .WithSummary("Pages ranked by relevance, with HTML-safe snippets, facet counts and paging.")
            .Produces<SearchResults>()
            .WithRequestTimeout(RequestLimits.Database);

        app.MapGet("/api/suggest", (ISearchIndex index, string? q, CancellationToken cancellationToken) =>
                Results.Ok(string.IsNullOrWhiteSpace(q) ? [] : index.Suggest(SearchText.Limit(q)!, cancellationToken: cancellationToken)))
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Search)
            .WithName("Suggest")
            .WithSummary("Type-ahead: codes and titles starting with what was typed.")
            .Produces<IReadOnlyList<Suggestion>>()
            .WithRequestTimeout(RequestLimits.Database);
        return app;
    }
}
