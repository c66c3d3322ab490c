using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// The site over content whose glossary.csv (an admin's upload like any other) defines terms with markup: every
/// definition reaches the reader as text, on the page, in its popover and in the API.
/// </summary>
public abstract class HostileGlossaryTests(ReferenceApp app)
{
    public static readonly (string Term, string Definition)[] Hostile =
    [
        ("catheter", "<script>alert(1)</script>"),
        ("venogram", "\"><img src=x onerror=alert(1)>"),
        ("contrast dye", "</span></dfn></p><p popover=\"manual\">open</p>"),
    ];

    public static void WriteGlossary(string contentFolder) =>
        File.WriteAllLines(Path.Combine(contentFolder, "glossary.csv"),
            ["term,definition", .. Hostile.Select(h => $"{h.Term},\"{h.Definition.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")]);

    [EngineFact]
    public async Task Hostile_definitions_are_shown_as_text_and_the_page_keeps_its_shape()
    {
        var page = await app.GetDocumentAsync("/codes/78458");

        Assert.DoesNotContain(page.QuerySelectorAll("img"), img => !img.ClassList.Contains("handout-qr"));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Equal(3, page.QuerySelectorAll("[popover]").Length); // the three definitions, nothing the text opened
        var wordsToKnow = page.QuerySelectorAll(".words-to-know dl > div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        foreach (var (term, definition) in Hostile)
        {
            Assert.Equal(definition, wordsToKnow[term]);
            Assert.Contains(page.QuerySelectorAll(".glossary-definition"), p => p.TextContent == term + ": " + definition);
        }
        Assert.NotNull(page.QuerySelector("section#risks"));
    }

    [EngineFact]
    public async Task The_api_gives_hostile_definitions_back_as_the_strings_they_are()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/codes/78458"));

        var glossary = json.RootElement.GetProperty("glossary").EnumerateArray()
            .ToDictionary(e => e.GetProperty("term").GetString()!, e => e.GetProperty("definition").GetString());
        foreach (var (term, definition) in Hostile) Assert.Equal(definition, glossary[term]);
    }
}

public sealed class HostileGlossaryApp : ReferenceApp
{
    protected override void AddContent(string contentFolder) => HostileGlossaryTests.WriteGlossary(contentFolder);
}

public sealed class PostgresHostileGlossaryApp() : ReferenceApp(Engine.Postgres)
{
    protected override void AddContent(string contentFolder) => HostileGlossaryTests.WriteGlossary(contentFolder);
}

public sealed class SqliteHostileGlossaryTests(HostileGlossaryApp app) : HostileGlossaryTests(app), IClassFixture<HostileGlossaryApp>;

public sealed class PostgresHostileGlossaryTests(PostgresHostileGlossaryApp app) : HostileGlossaryTests(app), IClassFixture<PostgresHostileGlossaryApp>, IOnPostgres;
