using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>Search over the five imported seed pages: codes, words, synonyms, typos, ranking and paging.</summary>
public abstract class SearchTests<TDb>(TDb db) : IClassFixture<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    [EngineFact]
    public void A_full_code_finds_that_page_first()
    {
        var results = db.Search("78458");

        Assert.Equal("78458", results.Hits[0].Code);
        Assert.Equal(1, results.Total);
        Assert.True(results.Hits[0].Score > 0);
        Assert.Null(results.Hits[0].SnippetSection);
        Assert.StartsWith("A bilateral venogram is a diagnostic imaging procedure", results.Hits[0].SnippetHtml, StringComparison.Ordinal);
    }

    [EngineTheory]
    [InlineData("784", "78458")]
    [InlineData("3718", "37188")]
    [InlineData(" 7649 ", "76496")]
    public void A_code_prefix_finds_the_codes_starting_with_it(string query, string code)
    {
        Assert.Equal([code], db.Codes(query));
    }

    [EngineFact]
    public void Several_codes_find_each_in_the_order_typed()
    {
        Assert.Equal(["78458", "34421"], db.Codes("78458, 34421"));
    }

    [EngineFact]
    public void An_unknown_code_finds_nothing()
    {
        Assert.Empty(db.Codes("99999"));
        Assert.Empty(db.Codes("J1100"));
    }

    [EngineFact]
    public void A_code_mixed_with_words_finds_the_code_first_then_the_word_matches()
    {
        var codes = db.Codes("37188 venogram");

        Assert.Equal("37188", codes[0]);
        Assert.Contains("78458", codes);
    }

    [EngineFact]
    public void Words_find_the_pages_that_use_them_and_rank_title_matches_first()
    {
        var codes = db.Codes("thrombectomy");

        Assert.Equal(["34421", "37188"], codes.Take(2).Order());
        var venogram = codes.IndexOf("78458");
        Assert.True(venogram == -1 || venogram > 1);
    }

    [EngineFact]
    public void The_last_word_matches_as_a_prefix()
    {
        Assert.Equal(["34421", "37188"], db.Codes("thrombect").Order());
        Assert.Contains("72275", db.Codes("epidurog"));
    }

    [EngineFact]
    public void Several_words_must_all_match()
    {
        Assert.Equal(["72275"], db.Codes("spinal stenosis"));
    }

    [EngineFact]
    public void Blood_clot_finds_the_clot_pages_through_synonyms_and_lists_what_was_added()
    {
        var results = db.Search("blood clot");

        var codes = results.Hits.Select(h => h.Code).ToList();
        Assert.Contains("37188", codes);
        Assert.Contains("34421", codes);
        Assert.Contains("78458", codes);
        Assert.Contains("thrombus", results.ExpandedTerms);
        Assert.Contains("thrombosis", results.ExpandedTerms);
    }

    [EngineFact]
    public void DVT_finds_the_pages_that_spell_out_deep_vein_thrombosis()
    {
        var results = db.Search("DVT");

        Assert.Contains("37188", results.Hits.Select(h => h.Code));
        Assert.Contains("78458", results.Hits.Select(h => h.Code));
        Assert.Contains("deep vein thrombosis", results.ExpandedTerms);
    }

    [EngineFact]
    public void Dye_test_finds_the_contrast_pages()
    {
        var codes = db.Codes("dye test");

        Assert.Contains("78458", codes);
        Assert.Contains("72275", codes);
    }

    [EngineFact]
    public void A_misspelt_word_is_corrected_and_the_corrected_hits_are_shown()
    {
        var results = db.Search("thrombectmy");

        Assert.Equal("thrombectomy", results.DidYouMean);
        Assert.Equal("thrombectmy", results.Query);
        Assert.Equal(["34421", "37188"], results.Hits.Select(h => h.Code).Order());
    }

    [EngineFact]
    public void Fluroscopy_finds_the_fluoroscopic_procedure()
    {
        var results = db.Search("fluroscopy");

        Assert.Equal("fluoroscopy", results.DidYouMean);
        Assert.Contains("76496", results.Hits.Select(h => h.Code));
    }

    [EngineFact]
    public void A_query_that_finds_something_has_no_did_you_mean_and_nonsense_gets_none()
    {
        Assert.Null(db.Search("thrombectomy").DidYouMean);
        var nonsense = db.Search("qqxqzzv");
        Assert.Null(nonsense.DidYouMean);
        Assert.Empty(nonsense.Hits);
        Assert.Equal(0, nonsense.Total);
    }

    [EngineFact]
    public void Paging_returns_page_size_hits_and_the_full_total()
    {
        var all = db.Search("procedure");
        var first = db.Search("procedure", pageSize: 2);
        var second = db.Search("procedure", page: 2, pageSize: 2);
        var last = db.Search("procedure", page: 3, pageSize: 2);
        var beyond = db.Search("procedure", page: 9, pageSize: 2);

        Assert.Equal(5, all.Total);
        Assert.Equal(2, first.Hits.Count);
        Assert.Equal(5, first.Total);
        Assert.Equal(2, second.Hits.Count);
        Assert.Single(last.Hits);
        Assert.Empty(beyond.Hits);
        Assert.Equal(5, beyond.Total);
        Assert.Equal(all.Hits.Select(h => h.Code), first.Hits.Concat(second.Hits).Concat(last.Hits).Select(h => h.Code));
    }

    [EngineFact]
    public void Page_and_page_size_out_of_range_are_clamped()
    {
        var results = db.Search("procedure", page: -4, pageSize: 100_000);

        Assert.Equal(1, results.Page);
        Assert.Equal(100, results.PageSize);
        Assert.Equal(5, results.Hits.Count);
    }

    [EngineFact]
    public void Text_hits_are_ordered_by_descending_score()
    {
        var scores = db.Search("contrast dye").Hits.Select(h => h.Score).ToList();

        Assert.True(scores.Count > 1);
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [EngineFact]
    public void A_new_import_is_seen_by_the_next_search()
    {
        using var fresh = new TDb();
        Assert.Empty(fresh.Index.Suggest("zebra"));
        Assert.Null(fresh.Search("zebrafication").DidYouMean);

        var page = Path.Combine(fresh.Content, "900_zebra.txt");
        File.WriteAllText(page, SearchTestData.ScriptPage);
        SeedContent.AddCode(fresh.Content, "900_zebra.txt", "99998");
        fresh.Publish();
        fresh.Versions.Refresh();

        Assert.Equal("99998", Assert.Single(fresh.Index.Suggest("zebra")).Code);
        Assert.Equal("zebrafication", fresh.Search("zebrafcation").DidYouMean);
    }
}

public sealed class SqliteSearchTests(SearchDatabase db) : SearchTests<SearchDatabase>(db);

public sealed class PostgresSearchTests(PostgresSearchDatabase db) : SearchTests<PostgresSearchDatabase>(db), IOnPostgres;
