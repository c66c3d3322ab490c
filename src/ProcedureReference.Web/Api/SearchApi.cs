using ProcedureReference.Search;
using ProcedureReference.Web.Hosting;
using SearchPage = ProcedureReference.Web.Pages.Search.IndexModel;

namespace ProcedureReference.Web.Api;

/// <summary>/api/search and /api/suggest: the same index and query as the search page, as JSON.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", (ISearchIndex index, string? q, string? system, string? category, string? section, int? page) =>
                string.IsNullOrWhiteSpace(q)
                    ? Results.Ok(new SearchResults("", 0, 1, SearchPage.PageSize, [], [], [], [], null, []))
                    : Results.Ok(index.Search(SearchPage.ToQuery(q, system, category, section, page ?? 1))))
            .CacheOutput(ContentCache.Policy)
            .WithName("Search")
            .WithSummary("Pages ranked by relevance, with HTML-safe snippets, facet counts and paging.")
            .Produces<SearchResults>();

        app.MapGet("/api/suggest", (ISearchIndex index, string? q) =>
                Results.Ok(string.IsNullOrWhiteSpace(q) ? [] : index.Suggest(q)))
            .CacheOutput(ContentCache.Policy)
            .WithName("Suggest")
            .WithSummary("Type-ahead: codes and titles starting with what was typed.")
            .Produces<IReadOnlyList<Suggestion>>();
        return app;
    }
}
