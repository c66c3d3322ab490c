using System.Globalization;
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

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    /// <summary>
    /// The status comes from the route (/error/404) only. Not model-bound: a re-executed POST would bind it from
    /// the failed request's form first, and a form that cannot be read (a NUL in a value) left it null, so a 400
    /// was answered as a 500; a form field named 'status' would have chosen it.
    /// </summary>
    private void Describe()
    {
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        Status = status is >= 400 and < 600 ? status : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        RequestId = HttpContext.TraceIdentifier;
    }

    public string Heading => Status switch
    {
        404 => "We could not find that page",
        429 => "Too many requests: please wait a moment",
        >= 500 => "Something went wrong on our side",
        _ => "That request could not be answered",
    };
}
