using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.Infobutton;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Infobutton;

/// <summary>
/// /infobutton: an HL7 URL-based Infobutton request (see <see cref="InfobuttonRequest"/>). A held code opens its
/// page, or answers the JSON feed when asked for it; an unknown code or code system gets a normal page (404) or an
/// empty feed.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
[EnableRateLimiting(RateLimits.Pages)]
[RequestTimeout(RequestLimits.Database)]
public sealed class IndexModel(IContentReader reader) : PageModel
{
    public InfobuttonRequest Asked { get; private set; } = new("", "", false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Asked = InfobuttonRequest.From(Request.Query);
        var page = await Asked.FindAsync(reader, cancellationToken);
        if (Asked.WantsJson) return new JsonResult(InfobuttonFeed.From(Asked, page, PublicUrls.Root(Request), TimeProvider.System.GetUtcNow()));
        if (page is not null) return LocalRedirect(ProcedureReference.Codes.ProcedureCode.PathOf(page.Code));
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
