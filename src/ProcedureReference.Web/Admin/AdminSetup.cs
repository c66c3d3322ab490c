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
    public const string UploadPath = "/admin/upload";
    private const string ApiPrefix = "/admin/api";

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
                // The cookie alone stays valid until it expires: an account removed (`admin remove`, from any instance
                // on a shared database) ends its sessions at their next request instead.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    if (context.Principal?.Identity?.Name is { } name && context.HttpContext.RequestServices.GetRequiredService<AdminAccounts>().Exists(name)) return;
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

    /// <summary>Who is signed in, for the audit log.</summary>
    public static string AdminName(this HttpContext context) => context.User.Identity?.Name ?? "unknown";

    /// <summary>Makes a switched database visible to this process at once, not at the next periodic check.</summary>
    public static void NoticeSwitch(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IContentVersions>().Refresh();

    /// <summary>Logins and uploads are limited per client address; everything else passes.</summary>
    private static RateLimitPartition<string> AdminPostLimit(HttpContext context, AdminOptions options)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/admin"))
            return RateLimitPartition.GetNoLimiter("");
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        var upload = IsUpload(context);
        var isLogin = context.Request.Path.StartsWithSegments(LoginPath);
        if (!isLogin && !upload) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter((isLogin ? "login:" : "upload:") + client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = isLogin ? options.LoginAttemptsPerMinute : options.UploadsPerHour,
            Window = isLogin ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// The upload page, by the path that runs it (routing ignores case, so does this) and never by a query string,
    /// which any spelling of a handler name could get past.
    /// </summary>
    private static bool IsUpload(HttpContext context) => context.Request.Path.StartsWithSegments(UploadPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The API answers 401/403; pages go to the login page.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(ApiPrefix))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
