using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Search;

public abstract class IndexTests(ReferenceApp app)
{
    private async Task<List<string>> CodesFound(string url)
    {
        var page = await app.GetDocumentAsync(url);
        return page.QuerySelectorAll(".hits .hit-code").Select(e => e.TextContent.Trim()).ToList();
    }

    [EngineTheory]
    [InlineData("784", "78458")]
    [InlineData("3718", "37188")]
    [InlineData("thrombectomy", "37188")]
    [InlineData("epidurography", "72275")]
    [InlineData("blood clot", "37188")]
    [InlineData("blood clot in leg", "34421")]
    [InlineData("DVT", "37188")]
    [InlineData("dye test of the spine", "72275")]
    [InlineData("thrombectmy", "34421")]
    [InlineData("fluroscopy", "76496")]
    public async Task Numbers_prefixes_words_lay_words_and_typos_find_the_code(string query, string expected)
    {
        var codes = await CodesFound("/search?q=" + Uri.EscapeDataString(query));

        Assert.Contains(expected, codes);
    }

    [EngineFact]
    public async Task A_code_prefix_lists_the_code_first()
    {
        var codes = await CodesFound("/search?q=7845");

        Assert.Equal("78458", codes[0]);
    }

    [EngineFact]
    public async Task A_result_is_headed_by_its_code_and_plain_name_with_the_descriptor_below()
    {
        var page = await app.GetDocumentAsync("/search?q=thrombectomy");

        var result = page.QuerySelectorAll(".hits li").First(li => li.QuerySelector("h2 a")!.GetAttribute("href") == "/codes/37188");
        Assert.Equal("37188Mechanical Thrombectomy", result.QuerySelector("h2 a")!.TextContent);
        Assert.Contains("Percutaneous transluminal mechanical thrombectomy", result.QuerySelector(".muted")!.TextContent, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task A_corrected_typo_heads_the_results_with_the_word_searched_and_says_what_was_typed()
    {
        var page = await app.GetDocumentAsync("/search?q=thrombectmy");

        Assert.Equal("Results for “thrombectomy”", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("You typed “thrombectmy”", page.QuerySelector(".did-you-mean")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Search: thrombectomy", page.Title, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task A_search_found_as_typed_says_nothing_of_a_correction()
    {
        var page = await app.GetDocumentAsync("/search?q=thrombectomy");

        Assert.Equal("Results for “thrombectomy”", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".did-you-mean"));
    }

    [EngineFact]
    public async Task The_filters_start_closed_under_a_summary_so_a_phone_shows_the_results_first()
    {
        var page = await app.GetDocumentAsync("/search?q=procedure");

        var filters = page.QuerySelector(".facets details")!;
        Assert.False(filters.HasAttribute("open"));
        Assert.Equal("Filters", filters.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotEmpty(filters.QuerySelectorAll("a"));
    }

    [EngineFact]
    public async Task Thrombectomies_rank_above_the_venogram_for_thrombectomy()
    {
        var codes = await CodesFound("/search?q=thrombectomy");

        Assert.Equal(["34421", "37188"], codes.Take(2).Order());
    }

    [EngineFact]
    public async Task Snippets_highlight_the_words_and_link_to_the_section_they_come_from()
    {
        var page = await app.GetDocumentAsync("/search?q=bleeding&section=risks");

        var hits = page.QuerySelectorAll(".hits li");
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            Assert.NotNull(hit.QuerySelector("mark"));
            var links = hit.QuerySelectorAll("a");
            var sectionLink = links[^1].GetAttribute("href")!;
            Assert.Matches("^/codes/[0-9]+#risks$", sectionLink);
        }
    }

    [EngineFact]
    public async Task Facets_count_and_filter_by_category()
    {
        var page = await app.GetDocumentAsync("/search?q=procedure");
        var surgery = page.QuerySelectorAll(".facets a").First(a => a.TextContent.Trim() == "Surgery");
        Assert.Equal("(2)", surgery.NextElementSibling!.TextContent.Trim());

        var codes = await CodesFound(surgery.GetAttribute("href")!);

        Assert.Equal(["34421", "37188"], codes.Order());
    }

    [EngineTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("NEAR(")]
    [InlineData("AND")]
    [InlineData("OR NOT (((")]
    [InlineData(")")]
    [InlineData("\u0000\u0007\u001b")]
    [InlineData("😀🩸 clot")]
    [InlineData("' OR 1=1 --")]
    [InlineData("title:foo {risks}:x ^bar")]
    public async Task Hostile_queries_get_a_normal_page(string query)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [EngineFact]
    public async Task A_ten_thousand_character_query_gets_a_normal_page()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/search?q=" + new string('a', 5000) + "%20" + new string('b', 4999));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [EngineFact]
    public async Task A_search_longer_than_200_characters_is_searched_by_its_start_and_says_so()
    {
        var query = string.Concat(Enumerable.Repeat("blood clot in leg ", 100));

        var page = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Contains("only its first 200 characters were used", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var echoed = page.QuerySelector("#header-q")!.GetAttribute("value")!;
        Assert.InRange(echoed.Length, 150, 200);
        Assert.StartsWith("blood clot in leg blood", echoed, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("h1")!.TextContent.Length < 220);
        Assert.NotEmpty(page.QuerySelectorAll(".hits .hit-code"));
        Assert.All(page.QuerySelectorAll(".facets a"), a => Assert.True(a.GetAttribute("href")!.Length < 800, a.GetAttribute("href")));
    }

    [EngineFact]
    public async Task A_search_of_200_characters_or_fewer_has_no_such_note()
    {
        var page = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(new string('a', 200)));

        Assert.DoesNotContain("characters were used", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task Control_characters_are_not_echoed()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/search?q=clot%00%07%1B");

        Assert.DoesNotContain("&#x0;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x7;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task The_query_is_echoed_encoded()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteIndexTests(ReferenceApp app) : IndexTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresIndexTests(PostgresReferenceApp app) : IndexTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
