using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using ProcedureReference.Publishing;
using ProcedureReference.Reading;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Admin;

/// <summary>The admin area: cookie sign-in, the account and audit store, staged imports and versions, rate limits.</summary>
public static class AdminSetup
{
    public const string LoginPath = "/admin/login";
    public const string LogoutPath = "/admin/logout";

    /// <summary>The upload page (its own endpoint, so that no spelling of a handler name reaches it past its limit).</summary>
    public const string UploadPath = "/admin/upload";

    private const string ApiPrefix = "/admin/api";
    private const string SecurityStampClaim = "procref:security-stamp";

    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        AdminOptions.Register(builder.Services);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddSingleton<UploadsFolder>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = LoginPath;
                cookie.AccessDeniedPath = LoginPath;
                cookie.Cookie.Name = "procref-admin";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.Path = "/admin";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
                // The cookie alone stays valid until it expires: every request checks it against the account's current
                // security stamp instead, so a sign-out, a new password or a removal (from any instance on a shared
                // database) ends the account's sessions at their next request, and a cookie for no account never passes.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    if (context.Principal?.Identity?.Name is { } name && context.Principal.FindFirst(SecurityStampClaim)?.Value is { } stamp
                        && context.HttpContext.RequestServices.GetRequiredService<AdminAccounts>().IsCurrentSession(name, stamp)) return;
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin");
            pages.Conventions.AllowAnonymousToPage("/Admin/Login");
            pages.Conventions.ConfigureFilter(new UnknownHandlerFilter());
        });

        // Always on, whatever RateLimits:Enabled says; rejected requests are answered as RateLimits answers them.
        builder.Services.AddRateLimiter(limiter =>
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                AdminPostLimit(context, context.RequestServices.GetRequiredService<AdminOptions>())));
        return builder;
    }

    public static WebApplication UseAdmin(this WebApplication app)
    {
        app.Services.GetRequiredService<IContentStore>().RemoveLeftovers();
        app.Services.GetRequiredService<UploadsFolder>().RemoveLeftovers();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(ApiPrefix + "/import-status", (ImportRunner runner) => Results.Ok(runner.Status))
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Issues the session cookie, carrying the account's security stamp that every request checks.</summary>
    public static Task SignInAsync(this HttpContext context, string name, string securityStamp)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(SecurityStampClaim, securityStamp)], CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Who is signed in, for the audit log.</summary>
    public static string AdminName(this HttpContext context) => context.User.Identity?.Name ?? "unknown";

    /// <summary>Makes a switched database visible to this process at once, not at the next periodic check.</summary>
    public static void NoticeSwitch(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IContentVersions>().Refresh();

    /// <summary>
    /// Sign-in and upload POSTs are limited per client address; everything else (sign-out included) passes. Keyed by
    /// the endpoint that runs, compared without case, so that no spelling of the path or the query gets past.
    /// </summary>
    private static RateLimitPartition<string> AdminPostLimit(HttpContext context, AdminOptions options)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var endpoint = EndpointPath(context);
        var client = RateLimits.ClientKey(context);
        if (string.Equals(endpoint, LoginPath, StringComparison.OrdinalIgnoreCase))
            return FixedWindow("login:" + client, options.LoginAttemptsPerMinute, TimeSpan.FromMinutes(1));
        if (string.Equals(endpoint, UploadPath, StringComparison.OrdinalIgnoreCase))
            return FixedWindow("upload:" + client, options.UploadsPerHour, TimeSpan.FromHours(1));
        return RateLimitPartition.GetNoLimiter("");
    }

    /// <summary>The route of the endpoint routing chose (a page's, whatever the request's spelling), else the path.</summary>
    private static string EndpointPath(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } ? "/" + route.Trim('/') : context.Request.Path.Value ?? "";

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    /// <summary>The API answers 401/403 as problem details, as the public API does; pages go to the login page.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(ApiPrefix))
        {
            context.Response.StatusCode = status;
            return ErrorResponses.WriteProblemAsync(context.HttpContext, status);
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
