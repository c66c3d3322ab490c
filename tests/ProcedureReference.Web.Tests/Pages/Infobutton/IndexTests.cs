using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Infobutton;

/// <summary>/infobutton: an HL7 URL-based Infobutton request, as a health record sends it (MedlinePlus Connect's parameters).</summary>
public abstract class IndexTests(SiblingCodesApp app)
{
    private const string Cpt = "2.16.840.1.113883.6.12";
    private const string Hcpcs = "2.16.840.1.113883.6.285";

    private static string Url(string code, string system, string? responseType = null) =>
        $"/infobutton?mainSearchCriteria.v.c={Uri.EscapeDataString(code)}&mainSearchCriteria.v.cs={Uri.EscapeDataString(system)}"
        + (responseType is null ? "" : "&knowledgeResponseType=" + Uri.EscapeDataString(responseType));

    private async Task<HttpResponseMessage> Get(string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        return await client.GetAsync(url);
    }

    [EngineTheory]
    [InlineData("37188", Cpt, "/codes/37188")]
    [InlineData("37188", Hcpcs, "/codes/37188")]
    [InlineData("j1100", Hcpcs, "/codes/J1100")]
    [InlineData(" 37187 ", Cpt, "/codes/37187")]
    public async Task A_held_code_of_cpt_or_hcpcs_opens_its_page(string code, string system, string page)
    {
        using var response = await Get(Url(code, system));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location!.OriginalString);
    }

    [EngineFact]
    public async Task Json_is_a_medlineplus_connect_style_feed_with_the_page_as_its_entry()
    {
        using var response = await Get(Url("37188", Cpt, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var feed = json.RootElement.GetProperty("feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("en", feed.GetProperty("lang").GetString());
        Assert.Equal(
            [("mainSearchCriteria.v.c", "37188"), ("mainSearchCriteria.v.cs", Cpt)],
            feed.GetProperty("category").EnumerateArray().Select(c => (c.GetProperty("scheme").GetString(), c.GetProperty("term").GetString())));
        var entry = Assert.Single(feed.GetProperty("entry").EnumerateArray());
        Assert.StartsWith("37188", entry.GetProperty("title").GetProperty("_value").GetString(), StringComparison.Ordinal);
        var link = entry.GetProperty("link")[0];
        Assert.Equal("alternate", link.GetProperty("rel").GetString());
        Assert.EndsWith("/codes/37188", link.GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http", link.GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal("html", entry.GetProperty("summary").GetProperty("type").GetString());
        Assert.Contains("<p>", entry.GetProperty("summary").GetProperty("_value").GetString(), StringComparison.Ordinal);
    }

    [EngineTheory]
    [InlineData("99999", Cpt)]
    [InlineData("37188", "2.16.840.1.113883.6.90")]
    [InlineData("37188", "")]
    [InlineData("", Cpt)]
    public async Task Json_for_an_unknown_code_or_system_is_a_feed_without_entries(string code, string system)
    {
        using var response = await Get(Url(code, system, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, json.RootElement.GetProperty("feed").GetProperty("entry").GetArrayLength());
    }

    [EngineTheory]
    [InlineData("99999", Cpt, "does not hold CPT code “99999”")]
    [InlineData("37188", "2.16.840.1.113883.6.90", "code system this reference does not hold")]
    [InlineData("", "", "named no code")]
    public async Task An_unknown_code_or_system_gets_a_normal_page_that_says_so(string code, string system, string message)
    {
        var page = await app.GetDocumentAsync(Url(code, system), HttpStatusCode.NotFound);

        Assert.Contains(message, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name=robots]"));
    }

    [EngineTheory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task Hostile_values_are_echoed_encoded(string value)
    {
        foreach (var url in new[] { Url(value, value), Url(value, Cpt, "application/json"), Url("37188", value, "application/json") })
        {
            using var response = await Get(url);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", body, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteInfobuttonTests(SiblingCodesApp app) : IndexTests(app), IClassFixture<SiblingCodesApp>;

public sealed class PostgresInfobuttonTests(PostgresSiblingCodesApp app) : IndexTests(app), IClassFixture<PostgresSiblingCodesApp>, IOnPostgres;
