using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Web.Features.Catalog;
using Microsoft.AspNetCore.OutputCaching;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages;

/// <summary>The home page: the search box, how many codes the reference holds, and ways in by system and category.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
[EnableRateLimiting(RateLimits.Pages)]
[RequestTimeout(RequestLimits.Database)]
public sealed class IndexModel(IContentReader reader, CodeCategories categories) : PageModel
{
    public IReadOnlyList<SystemGroup> Systems { get; private set; } = [];
    public int CodeCount => Systems.Sum(s => s.Count);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Systems = CatalogQuery.Group(await CatalogQuery.EntriesAsync(reader, categories, null, cancellationToken));
}
