using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.Comparing;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Compare;

/// <summary>/compare?codes=37187,37188: the pages side by side (see <see cref="CodeComparison"/>); anything else a normal page that says what is wrong.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
[EnableRateLimiting(RateLimits.Pages)]
[RequestTimeout(RequestLimits.Database)]
public sealed class IndexModel(IContentReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Codes { get; set; }

    public IReadOnlyList<string> Named { get; private set; } = [];
    public string? Problem { get; private set; }
    public Comparison? Comparison { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Named = CodeComparison.Named(Codes);
        // An empty form is the page's start, not a mistake.
        if (Named.Count == 0) return;
        Problem = CodeComparison.Problem(Named);
        if (Problem is null) Comparison = await CodeComparison.RunAsync(reader, Named, cancellationToken);
    }
}
