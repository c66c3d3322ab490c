using System.Text.Json;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Codes;

/// <summary>The glossary on a code page and in its JSON, from the glossary imported with the live content.</summary>
public abstract class WordsToKnowTests(ReferenceApp app)
{
    [EngineTheory]
    [InlineData("78458")]
    [InlineData("34421")]
    [InlineData("76496")]
    [InlineData("72275")]
    [InlineData("37188")]
    public async Task Each_term_is_marked_once_where_first_used_with_a_definition_its_button_opens(string code)
    {
        var page = await app.GetDocumentAsync($"/codes/{code}");

        var buttons = page.QuerySelectorAll(".sections dfn > button[popovertarget]");
        Assert.NotEmpty(buttons);
        foreach (var button in buttons)
        {
            Assert.Equal("button", button.GetAttribute("type"));
            var definition = page.GetElementById(button.GetAttribute("popovertarget")!);
            Assert.NotNull(definition);
            Assert.Equal("auto", definition.GetAttribute("popover"));
            Assert.Same(button.ParentElement, definition.PreviousElementSibling); // read right after the term
        }
        Assert.Empty(page.QuerySelectorAll("h1 dfn, h2 dfn, a dfn, dfn dfn, button button"));
        var definitions = buttons.Select(b => page.GetElementById(b.GetAttribute("popovertarget")!)!.QuerySelector("strong")!.TextContent).ToList();
        Assert.Equal(definitions.Count, definitions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var wordsToKnow = page.QuerySelectorAll(".words-to-know dt").Select(dt => dt.TextContent).ToList();
        Assert.Subset(wordsToKnow.ToHashSet(), definitions.ToHashSet());
    }

    [EngineFact]
    public async Task The_page_and_the_api_give_the_same_terms_with_their_definitions()
    {
        var page = await app.GetDocumentAsync("/codes/78458");
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/codes/78458"));

        var fromApi = json.RootElement.GetProperty("glossary").EnumerateArray()
            .Select(e => (e.GetProperty("term").GetString(), e.GetProperty("definition").GetString())).ToList();
        var onPage = page.QuerySelectorAll(".words-to-know dl > div")
            .Select(d => ((string?)d.QuerySelector("dt")!.TextContent, (string?)d.QuerySelector("dd")!.TextContent)).ToList();
        Assert.Equal(onPage, fromApi);
        Assert.Contains(fromApi, t => t.Item1 == "venogram");
        Assert.Contains(fromApi, t => t.Item1 == "contrast dye" && t.Item2!.StartsWith("A liquid put into the body", StringComparison.Ordinal));
        // The API's section HTML stays as stored: the marks are the site's controls, the terms come as data.
        Assert.DoesNotContain(json.RootElement.GetProperty("sections").EnumerateArray(),
            s => s.GetProperty("html").GetString()!.Contains("<dfn", StringComparison.Ordinal));
    }
}

public sealed class SqliteWordsToKnowTests(ReferenceApp app) : WordsToKnowTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresWordsToKnowTests(PostgresReferenceApp app) : WordsToKnowTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
