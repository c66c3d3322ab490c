using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Api;

/// <summary>/api/compare: the same comparison as /compare, from the same query.</summary>
public abstract class CompareApiTests(SiblingCodesApp app)
{
    [EngineFact]
    public async Task The_json_holds_the_pages_and_the_rows_the_page_shows()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/compare?codes=37187,37188,99999"));
        var page = await app.GetDocumentAsync("/compare?codes=37187,37188,99999");
        var root = json.RootElement;

        Assert.Equal(["37187", "37188"], root.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal("/codes/37187", root.GetProperty("pages")[0].GetProperty("url").GetString());
        Assert.Equal(["99999"], root.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(page.QuerySelectorAll(".compare-section h2").Select(h => h.TextContent.Trim()), rows.Select(r => r.GetProperty("title").GetString()));
        var summary = rows.Single(r => r.GetProperty("kind").GetString() == "summary");
        Assert.All(summary.GetProperty("cells").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("html").GetString())));
    }

    [EngineTheory]
    [InlineData("")]
    [InlineData("37188")]
    [InlineData("1,2,3,4,5")]
    public async Task Too_few_or_too_many_codes_are_a_bad_request_that_says_why(string codes)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/compare?codes=" + codes);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("codes", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task Hostile_codes_are_named_unknown_in_escaped_json()
    {
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/api/compare?codes=" + Uri.EscapeDataString("<script>alert(1)</script>,37188"));
        using var json = JsonDocument.Parse(body);

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", json.RootElement.GetProperty("unknown")[0].GetString());
    }

    [EngineFact]
    public async Task Compare_is_in_the_openapi_document()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/compare", out _));
    }
}

public sealed class SqliteCompareApiTests(SiblingCodesApp app) : CompareApiTests(app), IClassFixture<SiblingCodesApp>;

public sealed class PostgresCompareApiTests(PostgresSiblingCodesApp app) : CompareApiTests(app), IClassFixture<PostgresSiblingCodesApp>, IOnPostgres;
