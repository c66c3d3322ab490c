using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Pages.Admin;

/// <summary>/admin/login: sign in with an account made by `admin add`; with none yet, says how to make one.</summary>
public sealed class LoginModel(AdminAccounts store) : PageModel
{
    /// <summary>
    /// The one answer to every failed sign-in: a wrong password, a missing account and a locked one read alike, so
    /// that a guesser learns neither which names exist nor that a name is locked.
    /// </summary>
    public const string Failed = "That name and password do not match an admin account, or the account is locked for a while after repeated failed sign-ins.";

    public bool HasAccounts { get; private set; }
    public string? Error { get; private set; }

    // An empty field stays "" rather than null (model binding's default), which the account checks would throw at.
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Name { get; set; } = "";
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Password { get; set; } = "";

    public void OnGet() => HasAccounts = store.Any();

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        HasAccounts = store.Any();
        var result = store.SignIn(Name, Password);
        var who = AdminAccounts.IsValidName(Name) ? Name : "(invalid name)";
        // The audit keeps the outcome (Invalid or LockedOut) that the page does not show.
        store.Audit(who, "sign in", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local", result.Outcome.ToString());
        if (result is not { Outcome: LoginOutcome.Succeeded, SecurityStamp: { } stamp })
        {
            Error = Failed;
            Password = "";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(Name, stamp);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.Ordinal) ? returnUrl : "/admin");
    }
}
