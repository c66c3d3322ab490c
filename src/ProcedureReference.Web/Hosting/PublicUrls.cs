using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// The <c>Site</c> section. <c>PublicBaseUrl</c> is where readers reach the site (<c>https://codes.example.org</c>):
/// the links written for search engines and other sites (canonical links, JSON-LD, the sitemap, robots.txt) use
/// it, whatever Host header a request arrived with. Empty: each request's own scheme and host (as forwarded by a
/// trusted proxy, see <see cref="ProxyOptions"/>).
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [PublicBaseUrl(ErrorMessage = "an absolute http:// or https:// URL without a path, query or fragment (https://codes.example.org)")]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The configured base URL's scheme and host in lower case, a default port left out, no final "/"; null when none is set.</summary>
    public string? PublicRoot => PublicBaseUrl.Length > 0 ? new Uri(PublicBaseUrl).GetLeftPart(UriPartial.Authority) : null;

    public static void Register(IServiceCollection services) => services.AddSettings<SiteOptions>(Section);

    /// <summary>
    /// Every link of the site is rooted at "/", so the site cannot live under a path: a base URL with one would
    /// write canonical links to pages that are not there.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class PublicBaseUrlAttribute : ValidationAttribute
    {
        public override bool IsValid(object? value) =>
            value is not string { Length: > 0 } text
            || (Uri.TryCreate(text, UriKind.Absolute, out var url)
                && url.Scheme is "http" or "https"
                && url.UserInfo.Length == 0
                && url.AbsolutePath == "/"
                && url.Query.Length == 0 && !text.Contains('?', StringComparison.Ordinal)
                && url.Fragment.Length == 0 && !text.Contains('#', StringComparison.Ordinal));
    }
}

/// <summary>Absolute URLs of the site's pages, for links that leave the site (and the OpenAPI document's server).</summary>
public static class PublicUrls
{
    /// <summary>The absolute URL of <paramref name="path"/> (which starts with "/") as readers reach it.</summary>
    public static string PublicUrl(this HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Root(request) + path;
    }

    /// <summary>The configured public base URL without its final "/", else the request's scheme and host.</summary>
    public static string Root(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<SiteOptions>().PublicRoot ?? $"{request.Scheme}://{request.Host}";
    }

    /// <summary>The OpenAPI document's server is the public base URL too, where one is set (else the request's, as ASP.NET Core writes it).</summary>
    public static IServiceCollection AddPublicOpenApiServer(this IServiceCollection services) =>
        services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddDocumentTransformer((document, context, _) =>
        {
            if (context.ApplicationServices.GetRequiredService<SiteOptions>().PublicRoot is { } root) document.Servers = [new OpenApiServer { Url = root + "/" }];
            return Task.CompletedTask;
        }));
}
