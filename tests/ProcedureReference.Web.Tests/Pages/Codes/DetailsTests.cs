using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Codes;

public abstract class DetailsTests(ReferenceApp app)
{
    /// <summary>Each page's code, official descriptor and plain name (its first common name, else its name).</summary>
    public static TheoryData<string, string, string> Seeds => new()
    {
        { "78458", "Venous thrombosis imaging, venogram; bilateral", "Bilateral Venogram" },
        { "34421", "Thrombectomy, direct or with catheter; vena cava, iliac, femoropopliteal vein, by leg incision", "Thrombectomy, direct or with catheter; vena cava, iliac, femoropopliteal vein, by leg incision." },
        { "76496", "Unlisted fluoroscopic procedure (eg, diagnostic, interventional)", "Unlisted Fluoroscopic Procedure" },
        { "72275", "Epidurography, radiological supervision and interpretation", "Epidurography, Radiological Supervision, and Interpretation" },
        { "37188", "Percutaneous transluminal mechanical thrombectomy, vein(s), including intraprocedural pharmacological thrombolytic injections and fluoroscopic guidance, repeat treatment on subsequent day during course of thrombolytic therapy", "Mechanical Thrombectomy" },
    };

    [EngineTheory]
    [MemberData(nameof(Seeds))]
    public async Task Each_code_page_has_its_plain_name_as_the_one_h1_with_code_and_descriptor_under_it_and_every_section(string code, string descriptor, string plainName)
    {
        var page = await app.GetDocumentAsync($"/codes/{code}");

        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(plainName, h1.TextContent.Trim());
        Assert.Equal($"{plainName} ({code}) · ProcedureReference", page.Title);
        Assert.Equal(code, page.QuerySelector(".code-header .code-line .code")!.TextContent);
        Assert.NotNull(page.QuerySelector(".code-line button[data-copy]"));
        Assert.Equal(descriptor, page.QuerySelector(".code-header .descriptor")!.TextContent.Replace("Official descriptor: ", "", StringComparison.Ordinal).Trim());
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
    public async Task Previous_and_next_link_neighbouring_codes_in_code_order_by_plain_name_and_code()
    {
        var page = await app.GetDocumentAsync("/codes/37188");

        Assert.Equal("/codes/34421", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/codes/72275", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.EndsWith("Epidurography, Radiological Supervision, and Interpretation (72275)", page.QuerySelector("a[rel=next]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task Similar_codes_show_the_plain_name_with_the_code()
    {
        var page = await app.GetDocumentAsync("/codes/78458");

        var names = page.QuerySelectorAll(".similar li a").Select(a => a.TextContent).ToList();
        Assert.Contains("37188Mechanical Thrombectomy", names);
    }

    [EngineFact]
    public async Task Question_form_sub_headings_are_quiet_labels_inside_their_section_and_no_section_heading_competes()
    {
        var page = await app.GetDocumentAsync("/codes/78458");

        var purpose = page.QuerySelector("section#purpose")!;
        Assert.Equal(["The medical condition or problem it addresses:", "The goals or expected outcomes of the procedure:"],
            purpose.QuerySelectorAll(".section-label").Select(l => l.TextContent));
        Assert.Empty(page.QuerySelectorAll(".sections h3, .sections h4, .sections h5, .sections h6"));
    }

    [EngineTheory]
    [InlineData("76496")]
    [InlineData("72275")]
    public async Task A_section_with_no_text_under_its_heading_is_neither_shown_nor_listed(string code)
    {
        var page = await app.GetDocumentAsync($"/codes/{code}");

        Assert.Null(page.QuerySelector("section#policies"));
        Assert.Null(page.QuerySelector(".toc a[href='#policies']"));
        Assert.DoesNotContain("Related policies from health plans", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll(".sections section"), s => Assert.Contains(s.QuerySelectorAll("p, li"), e => !e.ClassList.Contains("section-label")));
    }

    [EngineFact]
    public async Task A_breadcrumb_names_system_category_and_subsection_and_a_long_page_ends_with_back_to_top()
    {
        var page = await app.GetDocumentAsync("/codes/37188");

        Assert.Equal(["CPT", "Surgery", "Cardiovascular System"],
            page.QuerySelectorAll("nav.breadcrumb li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/browse?system=CPT&category=Surgery", page.QuerySelectorAll("nav.breadcrumb a")[1].GetAttribute("href"));
        Assert.Equal("#top", page.QuerySelector(".back-to-top a")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("top"));
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
