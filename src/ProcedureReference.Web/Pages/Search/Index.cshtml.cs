using System.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using Microsoft.AspNetCore.OutputCaching;
using ProcedureReference.Web.Features.Searching;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Search;

/// <summary>/search: codes and pages ranked by relevance, with snippets linking into sections, facets and paging.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
[EnableRateLimiting(RateLimits.Search)]
[RequestTimeout(RequestLimits.Database)]
public sealed class IndexModel(ISearchIndex index, IContentReader reader, ReferenceMetrics metrics) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? System { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    /// <summary>?page=N. Read by hand: Razor Pages keeps "page" as a route value of its own, which model binding would see first.</summary>
    public int PageNumber { get; private set; } = 1;

    public SearchResults? Results { get; private set; }

    /// <summary>The query was longer than the index reads, and was cut.</summary>
    public bool Shortened { get; private set; }

    /// <summary>A search that is exactly a held code opens its page (see <see cref="ExactCode"/>); anything else lists.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        Shortened = Query?.Length > SearchQuery.MaxTextChars;
        (Query, System, Category, Section) = (SearchText.Limit(Query), SearchRequest.Filter(System), SearchRequest.Filter(Category), SearchRequest.Filter(Section));
        ViewData["Query"] = Query;
        PageNumber = Features.PageNumber.From(Request);
        if (string.IsNullOrWhiteSpace(Query)) return Page();
        if (await ExactCode.PageOfAsync(reader, Query, HttpContext.RequestAborted) is { } codePage) return LocalRedirect(codePage);
        var started = Stopwatch.GetTimestamp();
        try
        {
            Results = index.Search(SearchRequest.ToQuery(Query, System, Category, Section, PageNumber), HttpContext.RequestAborted);
        }
        finally
        {
            metrics.Searched(started);
        }
        return Page();
    }

    public int PageCount => Results is null ? 0 : (Results.Total + SearchRequest.PageSize - 1) / SearchRequest.PageSize;

    /// <summary>This search's URL with one parameter changed (a facet chosen or cleared, another page).</summary>
    public string Link(string? system = null, string? category = null, string? section = null, int page = 1,
        bool clearSystem = false, bool clearCategory = false, bool clearSection = false)
    {
        var parameters = new List<string> { "q=" + Uri.EscapeDataString(Query ?? "") };
        Add("system", clearSystem ? null : system ?? System);
        Add("category", clearCategory ? null : category ?? Category);
        Add("section", clearSection ? null : section ?? Section);
        if (page > 1) parameters.Add("page=" + page);
        return "/search?" + string.Join("&", parameters);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parameters.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
