using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>The index holds raw page text; snippets must come out as safe HTML with only our mark tags.</summary>
public abstract class SnippetSafetyTests<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    private static TDb WithScriptPage() => TDb.WithContent(content =>
    {
        File.WriteAllText(Path.Combine(content, "900_zebra.txt"), SearchTestData.ScriptPage);
        SeedContent.AddCode(content, "900_zebra.txt", "99998");
    });

    [EngineFact]
    public void A_snippet_encodes_page_text_and_marks_the_matches()
    {
        using var db = WithScriptPage();

        var hit = Assert.Single(db.Search("zebrafication").Hits);

        Assert.Equal("99998", hit.Code);
        Assert.Equal("summary", hit.SnippetSection);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>zebrafication</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", hit.SnippetHtml, StringComparison.OrdinalIgnoreCase);
        AssertOnlyMarkTags(hit.SnippetHtml);
    }

    [EngineFact]
    public void Markup_in_the_matched_text_is_encoded_too()
    {
        using var db = WithScriptPage();

        var hit = Assert.Single(db.Search("bleeding zebrafication", section: "risks").Hits);

        Assert.Contains("&lt;b&gt;<mark>bleeding</mark>&lt;/b&gt; &amp; &#39;quotes&#39;", hit.SnippetHtml, StringComparison.Ordinal);
        AssertOnlyMarkTags(hit.SnippetHtml);
    }

    [EngineFact]
    public void Every_seed_snippet_is_balanced_mark_tags_around_encoded_text()
    {
        using var db = new TDb();

        foreach (var query in new[] { "procedure", "blood clot", "contrast dye x-ray", "37188", "risk" })
            foreach (var hit in db.Search(query).Hits) AssertOnlyMarkTags(hit.SnippetHtml);
    }

    private static void AssertOnlyMarkTags(string html)
    {
        var withoutMarks = html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.DoesNotContain('>', withoutMarks);
        Assert.DoesNotContain(withoutMarks, char.IsControl);
        var opens = (html.Length - html.Replace("<mark>", "", StringComparison.Ordinal).Length) / "<mark>".Length;
        var closes = (html.Length - html.Replace("</mark>", "", StringComparison.Ordinal).Length) / "</mark>".Length;
        Assert.Equal(opens, closes);
    }
}

public sealed class SqliteSnippetSafetyTests : SnippetSafetyTests<SearchDatabase>;

public sealed class PostgresSnippetSafetyTests : SnippetSafetyTests<PostgresSearchDatabase>, IOnPostgres;
