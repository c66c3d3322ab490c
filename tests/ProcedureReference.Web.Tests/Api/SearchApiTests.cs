using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Api;

public abstract class SearchApiTests(ReferenceApp app)
{
    [EngineFact]
    public async Task Search_returns_hits_facets_and_paging_in_camel_case()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=thrombectomy&category=Surgery"));
        var root = json.RootElement;

        Assert.Equal(2, root.GetProperty("total").GetInt32());
        var hit = root.GetProperty("hits")[0];
        foreach (var property in new[] { "code", "system", "title", "category", "snippetHtml", "snippetSection", "score" })
            Assert.True(hit.TryGetProperty(property, out _), $"hit has no {property}");
        Assert.Equal("Surgery", hit.GetProperty("category").GetString());
        Assert.True(root.GetProperty("systems").GetArrayLength() > 0);
    }

    [EngineFact]
    public async Task Suggest_offers_codes_and_titles_as_one_types()
    {
        using var client = app.CreateClient();
        using var byCode = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=3718"));
        using var byWord = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=epidur"));

        Assert.Equal("37188", byCode.RootElement[0].GetProperty("code").GetString());
        Assert.Equal("72275", byWord.RootElement[0].GetProperty("code").GetString());
    }

    [EngineFact]
    public async Task Suggestions_and_search_hits_carry_the_plain_name()
    {
        using var client = app.CreateClient();
        using var suggestions = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=3718"));
        using var layWords = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=blood%20clot"));
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=37188"));

        Assert.Equal("Mechanical Thrombectomy", suggestions.RootElement[0].GetProperty("plainName").GetString());
        Assert.Contains("Mechanical Thrombectomy", layWords.RootElement.EnumerateArray().Select(s => s.GetProperty("plainName").GetString()));
        var hit = search.RootElement.GetProperty("hits")[0];
        Assert.Equal("Mechanical Thrombectomy", hit.GetProperty("plainName").GetString());
        Assert.StartsWith("Percutaneous transluminal", hit.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task Suggest_answers_every_prefix_from_blood_to_blood_clot_so_the_list_never_empties_while_typing()
    {
        using var client = app.CreateClient();
        for (var length = "blood".Length; length <= "blood clot".Length; length++)
        {
            var prefix = "blood clot"[..length];
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString(prefix)));

            Assert.True(json.RootElement.GetArrayLength() > 0, $"nothing suggested for '{prefix}'");
        }
    }

    [EngineFact]
    public async Task Suggest_offers_pages_for_lay_words_that_start_no_title()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=blood%20clot"));

        Assert.Contains("37188", json.RootElement.EnumerateArray().Select(s => s.GetProperty("code").GetString()));
    }

    [EngineTheory]
    [InlineData("/api/suggest?q=")]
    [InlineData("/api/suggest?q=%22*NEAR(")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=%22)%20OR%20(")]
    [InlineData("/api/search?q=clot&page=-5")]
    [InlineData("/api/search?q=clot&page=999999999")]
    [InlineData("/api/search?q=clot&section=nope")]
    public async Task Hostile_api_calls_answer_normally(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [EngineFact]
    public async Task A_long_query_is_searched_by_its_first_200_characters()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("thrombectomy ", 500)))));

        Assert.InRange(json.RootElement.GetProperty("query").GetString()!.Length, 100, 200);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
    }

    [EngineFact]
    public async Task Echoed_text_in_json_has_htmls_special_characters_escaped()
    {
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("<script>alert('x')</script> & é"));

        Assert.Contains(@"\u003Cscript\u003E", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("<script>alert('x')</script> & é", json.RootElement.GetProperty("query").GetString());
    }

    [EngineFact]
    public async Task Unknown_api_paths_and_codes_answer_problem_details_with_the_request_id_whatever_is_accepted()
    {
        using var client = app.CreateClient();
        foreach (var url in new[] { "/api/no/such/thing", "/api/codes/99999" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await client.SendAsync(request);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("requestId").GetString()), url);
        }
    }

    [EngineFact]
    public async Task Search_and_suggest_are_in_the_openapi_document()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/search", out _));
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/suggest", out _));
    }
}

public sealed class SqliteSearchApiTests(ReferenceApp app) : SearchApiTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresSearchApiTests(PostgresReferenceApp app) : SearchApiTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
