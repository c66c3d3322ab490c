using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Search;

/// <summary>A search that is exactly a code opens its page; a prefix, or a code the reference does not hold, lists.</summary>
public abstract class ExactCodeTests(SiblingCodesApp app)
{
    private async Task<HttpResponseMessage> Search(string query)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        return await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
    }

    [EngineTheory]
    [InlineData("37188", "/codes/37188")]
    [InlineData(" 37188 ", "/codes/37188")]
    [InlineData("j1100", "/codes/J1100")]
    [InlineData("J1100", "/codes/J1100")]
    [InlineData("78458", "/codes/78458")]
    public async Task An_exact_code_the_reference_holds_redirects_to_its_page(string query, string page)
    {
        using var response = await Search(query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location!.OriginalString);
    }

    [EngineTheory]
    [InlineData("3718")]
    [InlineData("99999")]
    [InlineData("j11")]
    [InlineData("blood clot")]
    [InlineData("37188 risks")]
    public async Task A_prefix_an_unknown_code_or_words_list_results(string query)
    {
        using var response = await Search(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [EngineFact]
    public async Task A_prefix_lists_the_codes_it_starts()
    {
        var page = await app.GetDocumentAsync("/search?q=3718");

        var codes = page.QuerySelectorAll(".hits .hit-code").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("37187", codes);
        Assert.Contains("37188", codes);
    }
}

public sealed class SqliteExactCodeTests(SiblingCodesApp app) : ExactCodeTests(app), IClassFixture<SiblingCodesApp>;

public sealed class PostgresExactCodeTests(PostgresSiblingCodesApp app) : ExactCodeTests(app), IClassFixture<PostgresSiblingCodesApp>, IOnPostgres;
