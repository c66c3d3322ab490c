using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProcedureReference.Web.Pages;

/// <summary>The error page: a status, a calm sentence, and the request id that is in the log. Never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;
    public string RequestId { get; private set; } = "";

    // No parameters: binding one would read the form, and a re-executed POST may be here because its form was too large.
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    /// <summary>Seconds to wait, from the Retry-After the rate limiter set on a 429.</summary>
    public string? RetryAfter { get; private set; }

    /// <summary>What the reader may do again after <see cref="RetryAfter"/>: the limit they met was the sign-in's, the upload's or the reading's.</summary>
    public string RetryWhat { get; private set; } = "search";

    /// <summary>
    /// The status of the response a status-code page re-executes for (/error/404), or after an exception the one the
    /// exception handler chose (500, or 413, 503, 504). Asked for directly, the page is not there.
    /// </summary>
    private void Describe()
    {
        var afterException = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalStatusCode: >= 400 and < 600 } reExecuted ? reExecuted.OriginalStatusCode
            : afterException && Response.StatusCode is >= 400 and < 600 ? Response.StatusCode
            : afterException ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        RequestId = HttpContext.TraceIdentifier;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        RetryWhat = originalPath.StartsWith(ProcedureReference.Web.Admin.AdminSetup.LoginPath, StringComparison.OrdinalIgnoreCase) ? "sign in"
            : originalPath.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? "try"
            : "search";
        RetryAfter = Status == StatusCodes.Status429TooManyRequests && int.TryParse(Response.Headers.RetryAfter, out var seconds) ? seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public string Heading => Status switch
    {
        404 => "We could not find that page",
        413 or 414 or 431 => "That request was too large",
        429 => "Too many requests: please wait a moment",
        503 or 504 => "The reference is busy: please try again in a moment",
        >= 500 => "Something went wrong on our side",
        _ => "That request could not be answered",
    };
}
