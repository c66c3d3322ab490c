using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Compare;

/// <summary>/compare: 2 to 4 codes side by side, one row per section kind; anything else a normal page that says what is wrong.</summary>
public abstract class IndexTests(SiblingCodesApp app)
{
    [EngineFact]
    public async Task Two_codes_stand_side_by_side_one_row_per_section_kind()
    {
        var page = await app.GetDocumentAsync("/compare?codes=37187,37188");

        Assert.Equal("Compare 37187 and 37188", page.QuerySelector("h1")!.TextContent.Trim());
        var heads = page.QuerySelectorAll(".compare-head a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/codes/37187", "/codes/37188"], heads);
        var rows = page.QuerySelectorAll(".compare-section");
        var titles = rows.Select(r => r.QuerySelector("h2")!.TextContent.Trim()).ToList();
        Assert.Contains("Summary", titles);
        Assert.Contains("Risks and Complications", titles);
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.All(rows, row => Assert.Equal(["37187", "37188"], row.QuerySelectorAll(".compare-code").Select(c => c.TextContent.Trim())));
        Assert.All(rows, row => Assert.Contains("compare-2", row.QuerySelector(".compare-row")!.ClassList));
    }

    [EngineFact]
    public async Task The_rows_follow_the_page_order_of_the_section_kinds()
    {
        var page = await app.GetDocumentAsync("/compare?codes=37188,34421");

        var kinds = page.QuerySelectorAll(".compare-section h2").Select(h => h.Id).ToList();
        Assert.Equal("compare-summary", kinds[0]);
        Assert.True(kinds.IndexOf("compare-preparation") < kinds.IndexOf("compare-risks"));
    }

    [EngineFact]
    public async Task An_unknown_code_is_named_as_such_and_the_others_are_shown()
    {
        var page = await app.GetDocumentAsync("/compare?codes=37188,99999,34421");

        var notice = Assert.Single(page.QuerySelectorAll(".notice"));
        Assert.Contains("no page for code “99999”", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal(["37188", "34421"], page.QuerySelectorAll(".compare-head .hit-code").Select(c => c.TextContent.Trim()));
    }

    [EngineTheory]
    [InlineData("37188", "Name 2 to 4 codes")]
    [InlineData("37188,37188", "Name 2 to 4 codes")]
    [InlineData("1,2,3,4,5", "Up to 4 codes")]
    public async Task Too_few_or_too_many_codes_say_so(string codes, string message)
    {
        var page = await app.GetDocumentAsync("/compare?codes=" + codes);

        Assert.Contains(message, page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".compare-section"));
    }

    [EngineFact]
    public async Task Without_codes_the_page_offers_the_form()
    {
        var page = await app.GetDocumentAsync("/compare");

        Assert.NotNull(page.QuerySelector("form.compare-form input[name=codes]"));
        Assert.Null(page.QuerySelector(".notice"));
    }

    [EngineTheory]
    [InlineData("<script>alert(1)</script>,37188")]
    [InlineData("37188,\"><img src=x onerror=alert(1)>")]
    [InlineData(",,,,,,,,")]
    [InlineData("' OR 1=1 --,37188")]
    [InlineData("\u0000\u0007,\u001b")]
    [InlineData("😀,🩸")]
    public async Task Hostile_input_gets_a_normal_page_with_what_was_named_encoded(string codes)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/compare?codes=" + Uri.EscapeDataString(codes));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task A_ten_thousand_character_list_gets_a_normal_page()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/compare?codes=" + string.Join(",", Enumerable.Repeat("37188", 1_700)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [EngineFact]
    public async Task The_similar_codes_block_offers_to_compare_each_similar_code_with_this_one()
    {
        var page = await app.GetDocumentAsync("/codes/37188");

        var links = page.QuerySelectorAll(".similar a.compare-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/compare?codes=37188,34421", links);
        var compared = await app.GetDocumentAsync(links[0]!);
        Assert.Equal(2, compared.QuerySelectorAll(".compare-head").Length);
    }
}

public sealed class SqliteCompareTests(SiblingCodesApp app) : IndexTests(app), IClassFixture<SiblingCodesApp>;

public sealed class PostgresCompareTests(PostgresSiblingCodesApp app) : IndexTests(app), IClassFixture<PostgresSiblingCodesApp>, IOnPostgres;
