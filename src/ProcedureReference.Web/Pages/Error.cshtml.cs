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

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        Status = status is >= 400 and < 600 ? status.Value : StatusCodes.Status500InternalServerError;
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
