using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>
/// Type-ahead for what starts no title or name: lay words from synonyms.csv and whole name words, answered from the
/// suggest index's lay-word part (never a search), on both engines over the seed pages.
/// </summary>
public abstract class LayWordSuggestTests<TDb>(TDb db) : IClassFixture<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    private List<string> Codes(string typed, int limit = 8) => db.Index.Suggest(typed, limit).Select(s => s.Code).ToList();

    [EngineFact]
    public void A_lay_word_suggests_the_pages_whose_names_hold_its_synonyms_first_then_related_groups()
    {
        // 'blood clot' is in no name; its group holds 'thrombosis' (78458's title). The thrombectomies follow as the
        // related group 'clot removal, thrombectomy', 37188 also through 'thrombolytic' ('clot buster').
        var codes = Codes("blood clot");

        Assert.Equal("78458", codes[0]);
        Assert.Equal(["34421", "37188"], codes.Skip(1).Order());
    }

    [EngineFact]
    public void An_unfinished_lay_phrase_completes_to_its_entry()
    {
        // 'blood c' (a one-letter last word) is 'blood clot', not 'blood' alone: the list 'blood cl' shows.
        Assert.Equal(Codes("blood clot"), Codes("blood c"));
        Assert.Equal(Codes("blood clot"), Codes("blood clo"));
        Assert.Equal(Codes("blood clot"), Codes("blood clot in"));
    }

    [EngineFact]
    public void A_synonym_found_in_no_name_suggests_its_groups_pages()
    {
        // 'thrombus' starts no word of any name; its group's 'thrombosis' is in 78458's title.
        Assert.Equal("78458", Codes("thrombus")[0]);
        // 'phlebogram' (group 'venogram'): 78458's common name and technical term.
        Assert.Equal(["78458"], Codes("phlebogram"));
    }

    [EngineFact]
    public void A_lay_suggestion_shows_the_plain_name()
    {
        var suggestion = db.Index.Suggest("phlebogram").Single();

        Assert.Equal("Venous thrombosis imaging, venogram; bilateral", suggestion.Title);
        Assert.Equal("Bilateral Venogram", suggestion.PlainName);
    }

    [EngineFact]
    public void A_misspelt_name_word_is_corrected()
    {
        Assert.Equal(["34421", "37188"], Codes("thrombectmy").Order());
        Assert.Equal(["37188"], Codes("mechanical thrombectmy"));
    }

    [EngineFact]
    public void Every_word_typed_must_match_so_a_word_only_in_page_text_suggests_nothing()
    {
        // 'fasting' is in the seed pages' text, in no name or synonym group.
        Assert.Empty(Codes("fasting"));
        Assert.Empty(Codes("fasting thromb"));
        Assert.Empty(Codes("blood clot fasting"));
        // A lay word whose group is in no name.
        Assert.Empty(Codes("blood thinner"));
    }

    [EngineFact]
    public void Words_in_no_name_before_a_whole_known_last_word_are_left_out()
    {
        // 'fasting' is in no name; 'thrombectomy', typed last and whole, is a name word: it says what is meant.
        Assert.Equal(["34421", "37188"], Codes("fasting thrombectomy").Order());
        Assert.Equal(Codes("blood clot"), Codes("fasting blood clot"));
        // An unfinished last word does not: 'fasting thromb' could be anything.
        Assert.Empty(Codes("fasting thromb"));
    }

    [EngineFact]
    public void The_limit_holds_for_lay_words()
    {
        Assert.Single(Codes("blood clot", limit: 1));
        Assert.Equal(Codes("blood clot").Take(2), Codes("blood clot", limit: 2));
    }

    [EngineFact]
    public void A_new_version_brings_its_lay_words()
    {
        using var fresh = new TDb();
        // Before: no name holds the group of 'lung clot' (nor 'lung'), so its whole last word 'clot' answers alone.
        Assert.Equal(fresh.Index.Suggest("clot").Select(s => s.Code), fresh.Index.Suggest("lung clot").Select(s => s.Code));

        File.WriteAllText(Path.Combine(fresh.Content, "900_embolism.txt"), """
            Search all medical codes

            Pulmonary embolism treatment, catheter-directed

            CPT4 code

            Name of the Procedure:

            Pulmonary Embolism Treatment

            Summary

            A test page.
            """);
        SeedContent.AddCode(fresh.Content, "900_embolism.txt", "99997");
        fresh.Publish();
        fresh.Versions.Refresh();

        // 'lung clot' (in no name) is the group 'PE, pulmonary embolism, lung clot': the new title holds 'pulmonary embolism'.
        Assert.Equal(["99997"], fresh.Index.Suggest("lung clot").Select(s => s.Code));
    }
}

public sealed class SqliteLayWordSuggestTests(SearchDatabase db) : LayWordSuggestTests<SearchDatabase>(db);

public sealed class PostgresLayWordSuggestTests(PostgresSearchDatabase db) : LayWordSuggestTests<PostgresSearchDatabase>(db), IOnPostgres;
