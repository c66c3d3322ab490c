using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using Microsoft.AspNetCore.OutputCaching;
using ProcedureReference.Web.Features.Catalog;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Browse;

/// <summary>
/// /browse: code systems, then categories (the CPT section a code's number falls in) with counts; choosing a
/// category lists its codes, a page at a time, with their subsections.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
[EnableRateLimiting(RateLimits.Pages)]
[RequestTimeout(RequestLimits.Database)]
public sealed class IndexModel(IContentReader reader, CodeCategories categories) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? System { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    /// <summary>?page=N. Read by hand: Razor Pages keeps "page" as a route value of its own, which model binding would see first.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<SystemGroup> Systems { get; private set; } = [];
    public IReadOnlyList<CatalogEntry> Codes { get; private set; } = [];
    public int CodeCount { get; private set; }
    public int PageCount => (CodeCount + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Features.PageNumber.From(Request);
        var entries = await CatalogQuery.EntriesAsync(reader, categories, System, cancellationToken);
        Systems = CatalogQuery.Group(entries);
        if (string.IsNullOrWhiteSpace(Category)) return;

        var inCategory = entries.Where(e => string.Equals(e.CategoryName, Category, StringComparison.OrdinalIgnoreCase)).ToList();
        CodeCount = inCategory.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, PageCount));
        Codes = inCategory.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }
}
