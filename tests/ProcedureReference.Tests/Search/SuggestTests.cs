using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>Type-ahead over codes, titles and names.</summary>
public abstract class SuggestTests<TDb>(TDb db) : IClassFixture<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    [EngineFact]
    public void A_word_prefix_suggests_the_pages_with_a_title_word_starting_with_it()
    {
        var codes = db.Index.Suggest("thromb").Select(s => s.Code).ToList();

        // Both thrombectomies (in code order), then the venous thrombosis page.
        Assert.Equal(["34421", "37188", "78458"], codes);
    }

    [EngineFact]
    public void A_code_prefix_suggests_that_code_first()
    {
        var suggestion = db.Index.Suggest("7845")[0];

        Assert.Equal("78458", suggestion.Code);
        Assert.Equal("Venous thrombosis imaging, venogram; bilateral", suggestion.Title);
        Assert.Equal("Venous Thrombosis Imaging, Venogram; Bilateral", suggestion.Name);
    }

    [EngineFact]
    public void A_match_on_a_common_name_or_technical_term_shows_that_name()
    {
        // 'Venography' is only in 78458's technical term, 'Bilateral Venography'.
        var suggestion = Assert.Single(db.Index.Suggest("venograph"));

        Assert.Equal("78458", suggestion.Code);
        Assert.Equal("Bilateral Venography", suggestion.Name);
    }

    [EngineFact]
    public void Earlier_words_narrow_the_suggestions()
    {
        Assert.Equal(["37188"], db.Index.Suggest("percutaneous thromb").Select(s => s.Code));
        Assert.Equal(["78458"], db.Index.Suggest("VENOUS Thr").Select(s => s.Code));
    }

    [EngineFact]
    public void The_limit_is_respected()
    {
        Assert.Equal(2, db.Index.Suggest("thromb", limit: 2).Count);
        Assert.Single(db.Index.Suggest("t", limit: 1));
    }

    [EngineFact]
    public void Lay_words_that_start_no_title_suggest_the_best_search_hits()
    {
        var codes = db.Index.Suggest("blood clot").Select(s => s.Code).ToList();

        Assert.Contains("37188", codes);
        Assert.Contains("34421", codes);
    }

    [EngineFact]
    public void A_prefix_nothing_starts_with_suggests_nothing()
    {
        Assert.Empty(db.Index.Suggest("zzz"));
        Assert.Empty(db.Index.Suggest("9"));
    }
}

public sealed class SqliteSuggestTests(SearchDatabase db) : SuggestTests<SearchDatabase>(db);

public sealed class PostgresSuggestTests(PostgresSearchDatabase db) : SuggestTests<PostgresSearchDatabase>(db), IOnPostgres;
