using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Api;

public abstract class CodesApiTests(ReferenceApp app)
{
    [EngineFact]
    public async Task A_code_comes_with_its_sections_as_markdown_and_html_in_camel_case()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/codes/37188"));
        var root = json.RootElement;

        Assert.Equal("37188", root.GetProperty("code").GetString());
        Assert.Equal("CPT", root.GetProperty("system").GetString());
        Assert.Equal("Percutaneous Transluminal Mechanical Thrombectomy, Vein(s)", root.GetProperty("name").GetString());
        Assert.Equal(["Mechanical Thrombectomy"], root.GetProperty("commonNames").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Mechanical Thrombectomy", root.GetProperty("plainName").GetString());
        Assert.Equal("Thrombectomy, direct or with catheter; vena cava, iliac, femoropopliteal vein, by leg incision.",
            root.GetProperty("previous").GetProperty("plainName").GetString());
        var sections = root.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal("summary", sections[0].GetProperty("kind").GetString());
        Assert.Contains(sections, s => s.GetProperty("kind").GetString() == "patient_experience");
        var risks = sections.Single(s => s.GetProperty("kind").GetString() == "risks");
        Assert.StartsWith("- Infection at the incision site", risks.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<ul>", risks.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("34421", root.GetProperty("previous").GetProperty("code").GetString());
        var similar = root.GetProperty("similar")[0];
        Assert.Equal("34421", similar.GetProperty("code").GetString());
        Assert.Equal("computed", similar.GetProperty("source").GetString());
        Assert.InRange(similar.GetProperty("score").GetDouble(), 0.0, 1.0);
        Assert.False(string.IsNullOrWhiteSpace(similar.GetProperty("reason").GetString()));
        Assert.Equal("/codes/34421", similar.GetProperty("url").GetString());
        Assert.Equal("Thrombectomy, direct or with catheter; vena cava, iliac, femoropopliteal vein, by leg incision.", similar.GetProperty("plainName").GetString());
    }

    [EngineFact]
    public async Task An_unknown_code_is_a_problem_details_404()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/codes/00000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [EngineFact]
    public async Task The_api_is_described_by_openapi()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/codes/{code}", out _));
    }
}

public sealed class SqliteCodesApiTests(ReferenceApp app) : CodesApiTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresCodesApiTests(PostgresReferenceApp app) : CodesApiTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
