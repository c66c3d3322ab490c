using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>Whatever is typed into the search box, search and type-ahead answer normally.</summary>
public abstract class HostileQueryTests<TDb>(TDb db) : IClassFixture<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    [EngineTheory]
    [MemberData(nameof(SearchTestData.Hostile), MemberType = typeof(SearchTestData))]
    public void Search_answers_normally(string text)
    {
        var results = db.Index.Search(new SearchQuery(text));

        Assert.NotNull(results.Hits);
        Assert.True(results.Total >= results.Hits.Count);
        Assert.True(results.Query.Length <= 200);
        Assert.DoesNotContain(results.Query, char.IsControl);
    }

    [EngineTheory]
    [MemberData(nameof(SearchTestData.Hostile), MemberType = typeof(SearchTestData))]
    public void Search_with_hostile_filters_answers_normally(string text)
    {
        var results = db.Index.Search(new SearchQuery("bleeding " + text, System: text, Category: text, Section: text, Page: int.MaxValue, PageSize: int.MinValue));

        Assert.Empty(results.Hits);
        Assert.Equal(1, results.PageSize);
    }

    [EngineTheory]
    [MemberData(nameof(SearchTestData.Hostile), MemberType = typeof(SearchTestData))]
    public void Suggest_answers_normally(string text)
    {
        Assert.NotNull(db.Index.Suggest(text));
        Assert.Empty(db.Index.Suggest(text, limit: 0));
        Assert.Empty(db.Index.Suggest(text, limit: int.MinValue));
    }

    [EngineFact]
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

    [EngineFact]
    public void Operator_words_are_searched_as_words()
    {
        // 'and' is on every page; as an FTS5 keyword alone it would be a syntax error.
        Assert.Equal(5, db.Index.Search(new SearchQuery("AND")).Total);
        Assert.Equal(5, db.Index.Search(new SearchQuery("procedure AND")).Total);
        Assert.True(db.Index.Search(new SearchQuery("NOT")).Total > 0);
    }

    [EngineFact]
    public void Punctuation_around_words_is_dropped_not_obeyed()
    {
        Assert.Equal(
            db.Codes("thrombectomy bleeding"),
            db.Codes("\"thrombectomy\" -bleeding* ((\u0000"));
    }
}

public sealed class SqliteHostileQueryTests(SearchDatabase db) : HostileQueryTests<SearchDatabase>(db);

public sealed class PostgresHostileQueryTests(PostgresSearchDatabase db) : HostileQueryTests<PostgresSearchDatabase>(db), IOnPostgres;
