using AngleSharp;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers, and no page needs the inline script or style the policy forbids.</summary>
public class SecurityHeadersTests(AdminApp app) : IClassFixture<AdminApp>
{
    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/", HttpStatusCode.OK },
        { "/search?q=clot", HttpStatusCode.OK },
        { "/codes/37188", HttpStatusCode.OK },
        { "/browse", HttpStatusCode.OK },
        { "/api/codes/37188", HttpStatusCode.OK },
        { "/api/search?q=clot", HttpStatusCode.OK },
        { "/api/suggest?q=cl", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/js/suggest.js", HttpStatusCode.OK },
        { "/favicon.svg", HttpStatusCode.OK },
        { "/sitemap.xml", HttpStatusCode.OK },
        { "/robots.txt", HttpStatusCode.OK },
        { "/health", HttpStatusCode.OK },
        { "/openapi/v1.json", HttpStatusCode.OK },
        { "/admin/login", HttpStatusCode.OK },
        { "/no/such/page", HttpStatusCode.NotFound },
        { "/api/no/such/thing", HttpStatusCode.NotFound },
        { "/codes/99999", HttpStatusCode.NotFound },
        { "/api/codes/99999", HttpStatusCode.NotFound },
        { "/error/500", HttpStatusCode.NotFound },
        { "/codes/%2037188", HttpStatusCode.MovedPermanently },
        { "/admin", HttpStatusCode.Redirect },
        { "/admin/api/import-status", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Signed_in_admin_pages_carry_them_too()
    {
        using var session = await app.SignInAsync();

        using var response = await session.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public void The_policy_allows_only_the_sites_own_scripts_and_styles()
    {
        var policy = Hosting.SecurityHeaders.ContentSecurityPolicy;

        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
            Assert.Contains(directive, policy, StringComparison.Ordinal);
    }

    public static TheoryData<string> PageTypes => new()
    {
        "/", "/search?q=blood+clot", "/search?q=thrombectmy", "/codes/37188", "/codes/78458", "/browse", "/browse?system=CPT&category=Surgery",
        "/codes/99999", "/no/such/page", "/admin/login",
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Pages_have_no_inline_script_style_or_event_handler(string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);

        await AssertNoInlineCodeAsync(url, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_pages_have_no_inline_script_style_or_event_handler()
    {
        using var session = await app.SignInAsync();
        using var import = await session.PostFormAsync("/admin?handler=ImportFolder", "/admin", []);
        var runner = app.Services.GetRequiredService<ImportRunner>();
        await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
        var staged = $"/admin/imports/{runner.Status.LastStagedId}?code=37188";

        foreach (var url in new[] { "/admin", staged })
            await AssertNoInlineCodeAsync(url, await session.Client.GetStringAsync(url));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

        Assert.Equal(Hosting.SecurityHeaders.ContentSecurityPolicy, Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal(Hosting.SecurityHeaders.PermissionsPolicy, Header("Permissions-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        Assert.Null(Header("Server"));
    }

    /// <summary>What the policy would block: script without src (JSON-LD data aside), style elements and attributes, on* handlers, javascript: links.</summary>
    private static async Task AssertNoInlineCodeAsync(string url, string html)
    {
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));
        Assert.NotNull(page.QuerySelector("main"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])").Where(s => s.GetAttribute("type") != "application/ld+json").Select(s => url + ": " + s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("style").Select(s => url + ": " + s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("[style]").Select(e => url + ": " + e.OuterHtml));
        Assert.Empty(page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{url}: {e.LocalName} {a.Name}")));
        Assert.Empty(page.QuerySelectorAll("[href^='javascript:' i], [src^='javascript:' i], [action^='javascript:' i]").Select(e => url + ": " + e.OuterHtml));
        Assert.All(page.QuerySelectorAll("script[src], link[rel=stylesheet]"), e =>
            Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }
}

/// <summary>HSTS and the redirect to HTTPS: outside Development only, the redirect switchable by Security:HttpsRedirection.</summary>
public class HttpsTests
{
    private static readonly Uri Https = new("https://procref.example/");
    private static readonly Uri Http = new("http://procref.example/");

    [Fact]
    public async Task Https_responses_carry_hsts_in_production()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient(new() { BaseAddress = Https, AllowAutoRedirect = false });

        using var response = await client.GetAsync("/codes/37188");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", string.Join("", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_when_the_https_port_is_known()
    {
        using var app = new ConfiguredApp(("https_port", "443"));
        using var client = app.CreateClient(new() { BaseAddress = Http, AllowAutoRedirect = false });

        using var response = await client.GetAsync("/search?q=clot");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://procref.example/search?q=clot", response.Headers.Location!.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_redirect_can_be_switched_off_for_plain_http_runs()
    {
        using var app = new ConfiguredApp(("https_port", "443"), ("Security:HttpsRedirection", "false"));
        using var client = app.CreateClient(new() { BaseAddress = Http, AllowAutoRedirect = false });

        using var response = await client.GetAsync("/search?q=clot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Development_has_neither()
    {
        using var app = new ConfiguredApp(("https_port", "443")) { Environment = "Development" };
        using var http = app.CreateClient(new() { BaseAddress = Http, AllowAutoRedirect = false });
        using var https = app.CreateClient(new() { BaseAddress = Https, AllowAutoRedirect = false });

        using var plain = await http.GetAsync("/codes/37188");
        using var secure = await https.GetAsync("/codes/37188");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.True(secure.Headers.Contains("Content-Security-Policy"));
    }
}
