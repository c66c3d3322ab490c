using System.Xml.Linq;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

public abstract class SiteEndpointsTests(ReferenceApp app)
{
    [EngineFact]
    public async Task The_sitemap_lists_every_code()
    {
        using var client = app.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        foreach (var code in new[] { "78458", "34421", "76496", "72275", "37188" })
            Assert.Contains($"/codes/{code}", locations);
    }

    [EngineFact]
    public async Task Robots_points_at_the_sitemap()
    {
        using var client = app.CreateClient();
        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task Health_reads_the_live_content_and_answers_ok()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health");
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }

    [EngineFact]
    public async Task Responses_are_compressed_for_clients_that_accept_it()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/codes/78458");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await client.SendAsync(request);

        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }

    [EngineFact]
    public async Task An_unknown_path_gets_the_error_page_with_a_request_id_and_no_stack_trace()
    {
        var page = await app.GetDocumentAsync("/no/such/page", HttpStatusCode.NotFound);

        Assert.Equal("We could not find that page", page.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(page.QuerySelector("main code")!.TextContent);
        Assert.DoesNotContain("Exception", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [EngineTheory]
    [InlineData("/codes/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/codes/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/codes/' OR 1=1 --")]
    [InlineData("/codes/%E2%9C%93%F0%9F%98%80")]
    public async Task Hostile_codes_get_a_normal_page_with_their_text_encoded(string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = true });
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteSiteEndpointsTests(ReferenceApp app) : SiteEndpointsTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresSiteEndpointsTests(PostgresReferenceApp app) : SiteEndpointsTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
