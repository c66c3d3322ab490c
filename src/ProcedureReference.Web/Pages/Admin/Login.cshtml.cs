using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Pages.Admin;

/// <summary>/admin/login: sign in with an account made by `admin add`; with none yet, says how to make one.</summary>
public sealed class LoginModel(AdminAccounts store) : PageModel
{
    public bool HasAccounts { get; private set; }
    public string? Error { get; private set; }

    // An empty field stays "" rather than null (model binding's default), which the account checks would throw at.
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Name { get; set; } = "";
    [BindProperty, DisplayFormat(ConvertEmptyStringToNull = false)] public string Password { get; set; } = "";

    public void OnGet() => HasAccounts = store.Any();

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        HasAccounts = store.Any();
        var outcome = store.Verify(Name, Password);
        var who = AdminAccounts.IsValidName(Name) ? Name : "(invalid name)";
        store.Audit(who, "sign in", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local", outcome.ToString());
        if (outcome != LoginOutcome.Succeeded)
        {
            Error = outcome == LoginOutcome.LockedOut
                ? "This account is locked for a while after repeated failed sign-ins. Try again later."
                : "That name and password do not match an admin account.";
            Password = "";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Name)], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.Ordinal) ? returnUrl : "/admin");
    }

    public async Task<IActionResult> OnPostLogoutAsync()
    {
        if (User.Identity?.IsAuthenticated == true) store.Audit(HttpContext.AdminName(), "sign out", "", "ok");
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(AdminSetup.LoginPath);
    }
}
