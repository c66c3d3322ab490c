using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using ProcedureReference.Web.Features.Handout;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Codes;

/// <summary>
/// The printed handout's parts in the HTML, and /codes/{code}/qr.svg. That the printout fits two sheets and that its
/// QR code decodes to the page's URL is checked in the browser (ProcedureReference.Browser.Tests, HandoutTests).
/// </summary>
public abstract class HandoutTests(ReferenceApp app)
{
    [EngineFact]
    public async Task The_handout_names_the_page_the_live_version_and_the_date_and_links_the_qr_code_of_that_version()
    {
        var page = await app.GetDocumentAsync("/codes/78458");

        var handout = page.QuerySelector(".handout")!;
        Assert.Equal("Bilateral Venogram CPT 78458", handout.QuerySelector(".handout-name")!.TextContent.Trim());
        Assert.Equal("/codes/78458/qr.svg?v=1", handout.QuerySelector("img.handout-qr")!.GetAttribute("src"));
        Assert.EndsWith("/codes/78458", handout.QuerySelector("img.handout-qr")!.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("Content version v1", handout.TextContent, StringComparison.Ordinal);
        // The day it was served (the reader's script puts in the day it is printed); a page served just before midnight may carry yesterday.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var served = DateOnly.ParseExact(handout.QuerySelector("time[data-print-date]")!.GetAttribute("datetime")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(served, today.AddDays(-1), today);
        Assert.NotNull(handout.QuerySelector(".handout-notes h2"));
    }

    [EngineFact]
    public async Task The_qr_code_is_an_svg_of_paths_with_no_script_or_style_under_the_sites_policy_and_cached_for_a_day()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/codes/37188/qr.svg?v=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "path");
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "style" or "foreignObject" or "image" or "a");
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "href");
    }

    [EngineTheory]
    [InlineData("/codes/99999/qr.svg")]
    [InlineData("/codes/%3Cscript%3E/qr.svg")]
    [InlineData("/codes/AB%2F12/qr.svg")]
    public async Task A_code_the_reference_does_not_hold_has_no_qr_code(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [EngineFact]
    public async Task Another_spelling_of_a_code_redirects_to_its_canonical_qr_code()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/codes/%2037188/qr.svg?v=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/codes/37188/qr.svg?v=1", response.Headers.Location?.OriginalString);
    }
}

public sealed class SqliteHandoutTests(ReferenceApp app) : HandoutTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresHandoutTests(PostgresReferenceApp app) : HandoutTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;

/// <summary>Behind a proxy with Site:PublicBaseUrl set, the QR code opens the public URL, as the canonical link does.</summary>
public abstract class HandoutPublicUrlTests(Engine engine)
{
    private const string PublicBase = "https://codes.example.org";

    [EngineFact]
    public async Task The_qr_code_and_the_printed_address_are_the_public_canonical_url()
    {
        using var app = new ConfiguredApp(engine, ("Site:PublicBaseUrl", PublicBase + "/"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://upstream.internal:8080"), AllowAutoRedirect = false });

        var html = await client.GetStringAsync("/codes/37188");
        var svg = await client.GetStringAsync("/codes/37188/qr.svg");

        Assert.Contains($"<span class=\"handout-url\">{PublicBase}/codes/37188</span>", html, StringComparison.Ordinal);
        // The same library and settings give the same drawing: the served one is of the public URL, not the proxy's.
        Assert.Equal(QrCodeEndpoint.Svg(PublicBase + "/codes/37188"), svg);
        Assert.NotEqual(QrCodeEndpoint.Svg("http://upstream.internal:8080/codes/37188"), svg);
    }
}

public sealed class SqliteHandoutPublicUrlTests() : HandoutPublicUrlTests(Engine.Sqlite);

public sealed class PostgresHandoutPublicUrlTests() : HandoutPublicUrlTests(Engine.Postgres), IOnPostgres;
