using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>
/// Site:PublicBaseUrl: every absolute URL the site writes for others (canonical links, JSON-LD, the print line, the
/// sitemap, robots.txt) starts with it, whatever Host a request arrived with (a proxy's upstream name, here).
/// </summary>
public abstract class PublicBaseUrlTests(Engine engine)
{
    private const string PublicBase = "https://codes.example.org";

    private ConfiguredApp App() => new(engine, ("Site:PublicBaseUrl", PublicBase + "/"));

    private static HttpClient ThroughProxy(ConfiguredApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://upstream.internal:8080"), AllowAutoRedirect = false });

    [EngineFact]
    public async Task Canonical_links_json_ld_and_the_print_line_carry_the_public_base_url()
    {
        using var app = App();
        using var client = ThroughProxy(app);

        var code = await PageAsync(client, "/codes/37188");
        var canonicals = new List<string?>();
        foreach (var page in new[] { "/", "/browse", "/search?q=clot" }) canonicals.Add(await CanonicalAsync(client, page));

        Assert.Equal(PublicBase + "/codes/37188", code.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        using var jsonLd = JsonDocument.Parse(code.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(PublicBase + "/codes/37188", jsonLd.RootElement.GetProperty("url").GetString());
        Assert.Equal("From ProcedureReference: " + PublicBase + "/codes/37188", code.QuerySelector(".print-only")?.TextContent);
        Assert.Equal([PublicBase + "/", PublicBase + "/browse", PublicBase + "/search"], canonicals);
        Assert.DoesNotContain("upstream.internal", code.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task The_sitemap_and_robots_carry_the_public_base_url()
    {
        using var app = App();
        using var client = ThroughProxy(app);

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var robots = await client.GetStringAsync("/robots.txt");

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(PublicBase + "/codes/37188", locations);
        Assert.Contains(PublicBase + "/", locations);
        Assert.All(locations, location => Assert.StartsWith(PublicBase + "/", location, StringComparison.Ordinal));
        Assert.Contains("Sitemap: " + PublicBase + "/sitemap.xml\n", robots, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task The_openapi_documents_server_is_the_public_base_url()
    {
        using var app = App();
        using var client = ThroughProxy(app);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var servers = document.RootElement.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString());
        Assert.Equal([PublicBase + "/"], servers);
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
    }

    private static async Task<string?> CanonicalAsync(HttpClient client, string url) =>
        (await PageAsync(client, url)).QuerySelector("link[rel=canonical]")?.GetAttribute("href");
}

public sealed class SqlitePublicBaseUrlTests() : PublicBaseUrlTests(Engine.Sqlite);

public sealed class PostgresPublicBaseUrlTests() : PublicBaseUrlTests(Engine.Postgres), IOnPostgres;
