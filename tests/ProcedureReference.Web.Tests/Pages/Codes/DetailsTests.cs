using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Codes;

public abstract class DetailsTests(ReferenceApp app)
{
    public static TheoryData<string, string> Seeds => new()
    {
        { "78458", "Venous thrombosis imaging, venogram; bilateral" },
        { "34421", "Thrombectomy, direct or with catheter; vena cava, iliac, femoropopliteal vein, by leg incision" },
        { "76496", "Unlisted fluoroscopic procedure (eg, diagnostic, interventional)" },
        { "72275", "Epidurography, radiological supervision and interpretation" },
        { "37188", "Percutaneous transluminal mechanical thrombectomy, vein(s), including intraprocedural pharmacological thrombolytic injections and fluoroscopic guidance, repeat treatment on subsequent day during course of thrombolytic therapy" },
    };

    [EngineTheory]
    [MemberData(nameof(Seeds))]
    public async Task Each_code_page_has_its_descriptor_as_the_one_h1_and_every_section(string code, string descriptor)
    {
        var page = await app.GetDocumentAsync($"/codes/{code}");

        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(descriptor, h1.TextContent.Trim());
        var sectionHeadings = page.QuerySelectorAll(".sections section > h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Summary", sectionHeadings);
        Assert.Contains("Risks and Complications", sectionHeadings);
        Assert.Contains("Patient Experience", sectionHeadings);
        Assert.True(sectionHeadings.Count >= 12, string.Join(", ", sectionHeadings));
        var tocTargets = page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")!.TrimStart('#')).Where(t => t != "similar").ToList();
        Assert.Equal(page.QuerySelectorAll(".sections section").Select(s => s.Id ?? "").ToList(), tocTargets);
        Assert.NotNull(page.QuerySelector("section#risks"));
    }

    [EngineFact]
    public async Task Similar_codes_link_to_their_pages_with_a_reason_and_never_to_the_page_itself()
    {
        var page = await app.GetDocumentAsync("/codes/37188");

        var items = page.QuerySelectorAll(".similar li");
        Assert.NotEmpty(items);
        Assert.Equal("/codes/34421", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector(".reason")!.TextContent)));
        Assert.DoesNotContain(items, item => item.QuerySelector("a")?.GetAttribute("href") == "/codes/37188");
        Assert.NotNull(page.QuerySelector(".toc a[href='#similar']"));
    }

    [EngineFact]
    public async Task Code_page_carries_canonical_url_description_and_medical_procedure_json_ld()
    {
        var page = await app.GetDocumentAsync("/codes/37188");

        Assert.EndsWith("/codes/37188", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith("Percutaneous transluminal mechanical thrombectomy is", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("MedicalProcedure", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal("37188", jsonLd.RootElement.GetProperty("code").GetProperty("codeValue").GetString());
    }

    [EngineFact]
    public async Task Previous_and_next_link_neighbouring_codes_in_code_order()
    {
        var page = await app.GetDocumentAsync("/codes/37188");

        Assert.Equal("/codes/34421", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/codes/72275", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [EngineTheory]
    [InlineData("/codes/%2037188")]
    [InlineData("/codes/37188%20")]
    [InlineData("/codes/j1100")]
    public async Task Other_spellings_redirect_to_the_canonical_url(string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Matches("^/codes/(37188|J1100)$", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [EngineFact]
    public async Task An_unknown_code_is_a_404_that_offers_a_search()
    {
        var page = await app.GetDocumentAsync("/codes/99999", HttpStatusCode.NotFound);

        Assert.Contains("99999", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/search?q=99999']"));
    }

    [EngineFact]
    public async Task The_footer_carries_the_trademark_notice()
    {
        var page = await app.GetDocumentAsync("/codes/78458");

        Assert.Contains("registered trademark of the American Medical Association", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task First_start_imported_content_into_the_configured_database()
    {
        await app.GetDocumentAsync("/codes/78458");

        if (app.Engine == Engine.Sqlite) Assert.True(File.Exists(app.DatabasePath), $"no database at {app.DatabasePath}");
        else Assert.Equal(1L, app.ExecutePostgres("SELECT count(*) FROM content_versions WHERE state = 'published'"));
    }
}

public sealed class SqliteDetailsTests(ReferenceApp app) : DetailsTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresDetailsTests(PostgresReferenceApp app) : DetailsTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
