using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>Whatever is typed into the search box, search and type-ahead answer normally.</summary>
public sealed class PostgresHostileQueryTests(PostgresSearchDatabase db) : IClassFixture<PostgresSearchDatabase>
{
    public static TheoryData<string> Hostile => new()
    {
        "", " ", "\t\r\n ", new string('a', 10_000), new string('"', 10_000), string.Concat(Enumerable.Repeat("thrombectomy ", 1000)),
        "\"", "\"\"", "*", "-", "-thrombectomy", "NEAR(", "NEAR(thrombectomy bleeding, 2)", "AND", "OR NOT", "thrombectomy OR NOT",
        "((", ")", "\u0000\u0007", "thromb\u0000ectomy", "🙂", "🩸 clot", "\ud83d", "' OR 1=1 --", "'; DROP TABLE pages; --",
        "title:foo", "{risks}:x", "{risks} : bleeding", "^", "^thrombectomy", "a*b", "%", "_", "78%", "7_4", "\\", "💉💉💉",
        "e\u0301\u0301\u0301", "\uFEFF", "<script>alert(1)</script>", "%00", "j11%", "K35.80", "0042T", "x-ray", "x", "a b c d e f g h i j k l m n o p",
    };

    [PostgresTheory]
    [MemberData(nameof(Hostile))]
    public void Search_answers_normally(string text)
    {
        var results = db.Index.Search(new SearchQuery(text));

        Assert.NotNull(results.Hits);
        Assert.True(results.Total >= results.Hits.Count);
        Assert.True(results.Query.Length <= 200);
        Assert.DoesNotContain(results.Query, char.IsControl);
    }

    [PostgresTheory]
    [MemberData(nameof(Hostile))]
    public void Search_with_hostile_filters_answers_normally(string text)
    {
        var results = db.Index.Search(new SearchQuery("bleeding " + text, System: text, Category: text, Section: text, Page: int.MaxValue, PageSize: int.MinValue));

        Assert.Empty(results.Hits);
        Assert.Equal(1, results.PageSize);
    }

    [PostgresTheory]
    [MemberData(nameof(Hostile))]
    public void Suggest_answers_normally(string text)
    {
        Assert.NotNull(db.Index.Suggest(text));
        Assert.Empty(db.Index.Suggest(text, limit: 0));
        Assert.Empty(db.Index.Suggest(text, limit: int.MinValue));
    }

    [PostgresFact]
    public void Empty_and_punctuation_only_queries_give_empty_results()
    {
        foreach (var text in new[] { "", "   ", "\"*-()", "🙂", null! })
        {
            var results = db.Index.Search(new SearchQuery(text));
            Assert.Empty(results.Hits);
            Assert.Equal(0, results.Total);
            Assert.Empty(results.Systems);
        }
    }

    [PostgresFact]
    public void Operator_words_are_searched_as_words()
    {
        // 'and' is on every page; as an FTS5 keyword alone it would be a syntax error.
        Assert.Equal(5, db.Index.Search(new SearchQuery("AND")).Total);
        Assert.Equal(5, db.Index.Search(new SearchQuery("procedure AND")).Total);
        Assert.True(db.Index.Search(new SearchQuery("NOT")).Total > 0);
    }

    [PostgresFact]
    public void Punctuation_around_words_is_dropped_not_obeyed()
    {
        Assert.Equal(
            db.Codes("thrombectomy bleeding"),
            db.Codes("\"thrombectomy\" -bleeding* ((\u0000"));
    }
}
