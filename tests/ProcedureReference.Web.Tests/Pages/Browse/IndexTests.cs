using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Browse;

public abstract class IndexTests(ReferenceApp app)
{
    [EngineFact]
    public async Task Browse_shows_systems_then_categories_with_counts()
    {
        var page = await app.GetDocumentAsync("/browse");

        Assert.Contains("CPT", page.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var categories = page.QuerySelectorAll(".system-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Surgery (2)", "Radiology (3)"], categories);
    }

    [EngineFact]
    public async Task A_category_lists_its_codes_with_subsections()
    {
        var page = await app.GetDocumentAsync("/browse?system=CPT&category=Radiology");

        var entries = page.QuerySelectorAll(".browse-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.Contains("78458", StringComparison.Ordinal) && e.Contains("Nuclear Medicine", StringComparison.Ordinal));
    }

    [EngineFact]
    public async Task A_listed_code_shows_its_plain_name_not_the_descriptor()
    {
        var page = await app.GetDocumentAsync("/browse?system=CPT&category=Surgery");

        var link = page.QuerySelectorAll(".browse-list li a").Single(a => a.GetAttribute("href") == "/codes/37188");
        Assert.Equal("37188Mechanical Thrombectomy", link.TextContent);
    }

    [EngineFact]
    public async Task The_home_page_offers_search_the_code_count_and_categories()
    {
        var page = await app.GetDocumentAsync("/");

        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
        Assert.NotNull(page.QuerySelector("label[for=q]"));
        Assert.Equal("5", page.QuerySelector(".count strong")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/browse?system=CPT&category=Radiology']"));
    }
}

public sealed class SqliteIndexTests(ReferenceApp app) : IndexTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresIndexTests(PostgresReferenceApp app) : IndexTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
