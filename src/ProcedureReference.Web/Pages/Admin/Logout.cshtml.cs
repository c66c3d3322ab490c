using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Pages.Admin;

/// <summary>
/// POST /admin/logout: signs out and ends every session of the account (its security stamp is renewed), so a cookie
/// copied before is refused too. An endpoint of its own, outside the sign-in limit.
/// </summary>
public sealed class LogoutModel(AdminAccounts accounts) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        var name = HttpContext.AdminName();
        var ended = accounts.EndSessions(name);
        accounts.Audit(name, "sign out", "every session ended", ended ? "ok" : "no such account");
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(AdminSetup.LoginPath);
    }
}
