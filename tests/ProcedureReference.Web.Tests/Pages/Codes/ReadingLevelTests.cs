using System.Text.Json;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Codes;

/// <summary>
/// The reading grade computed at import reaches the reader on each engine: the API gives it for the page and each
/// section, equal to the grade of the text the API itself returns, and the page shows it quietly.
/// </summary>
public abstract class ReadingLevelTests(ReferenceApp app)
{
    public static TheoryData<string> Codes => ["78458", "34421", "76496", "72275", "37188"];

    private async Task<JsonDocument> ApiAsync(string code)
    {
        using var client = app.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync($"/api/codes/{code}"));
    }

    [EngineTheory]
    [MemberData(nameof(Codes))]
    public async Task The_api_gives_the_reading_grade_of_the_page_and_of_each_section(string code)
    {
        using var json = await ApiAsync(code);
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();

        var explanation = new List<string>();
        foreach (var section in sections)
        {
            var text = MarkdownWriter.PlainText(section.GetProperty("markdown").GetString()!);
            var grade = section.GetProperty("readingGrade");
            var expected = ReadingGrade.Of(text);
            Assert.Equal(expected, grade.ValueKind == JsonValueKind.Null ? null : grade.GetDouble());
            var kind = section.GetProperty("kind").GetString();
            if (kind != SectionKind.Policies.ToName() && kind != SectionKind.SimilarCodes.ToName()) explanation.Add(text);
        }
        Assert.Contains(sections, s => s.GetProperty("readingGrade").ValueKind == JsonValueKind.Number);
        Assert.Equal(ReadingGrade.Of(string.Join('\n', explanation)), json.RootElement.GetProperty("readingGrade").GetDouble());
    }

    [EngineTheory]
    [MemberData(nameof(Codes))]
    public async Task The_code_page_shows_its_reading_level_quietly(string code)
    {
        using var json = await ApiAsync(code);
        var grade = json.RootElement.GetProperty("readingGrade").GetDouble();

        var page = await app.GetDocumentAsync($"/codes/{code}");

        var level = Assert.Single(page.QuerySelectorAll(".reading-level"));
        Assert.Equal($"Reading level: grade {ReadingGrade.Shown(grade)}", level.TextContent.Trim());
        Assert.Contains("muted", level.ClassList);
    }
}

public sealed class SqliteReadingLevelTests(ReferenceApp app) : ReadingLevelTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresReadingLevelTests(PostgresReferenceApp app) : ReadingLevelTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
