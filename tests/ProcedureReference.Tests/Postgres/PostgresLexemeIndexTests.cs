using System.Text.Json;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Search;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>
/// The in-memory lexeme index and the headlines of marked sections only are shortcuts: a search answered through
/// them is the same, hit for hit (order, scores, snippets, sections, facets, did-you-mean), as one answered by the
/// GIN indexes with every section headlined, on the real PostgreSQL fixture.
/// </summary>
public sealed class PostgresLexemeIndexTests(PostgresSearchDatabase db) : IClassFixture<PostgresSearchDatabase>
{
    /// <summary>Words, pairs, synonyms and their phrases, prefixes, stop words, codes with words, typos, filters.</summary>
    public static TheoryData<string, string?, string?, int> Queries => new()
    {
        { "thrombectomy", null, null, 1 },
        { "bleeding", null, null, 1 },
        { "procedure", null, null, 1 },
        { "procedure", null, null, 2 },
        { "blood clot", null, null, 1 },
        { "blood clot in leg", null, null, 1 },
        { "blood thinner", null, null, 1 },
        { "DVT", null, null, 1 },
        { "contrast dye", null, null, 1 },
        { "dye test", null, null, 1 },
        { "thrombect", null, null, 1 },
        { "thr", null, null, 1 },
        { "venous thr", null, null, 1 },
        { "epidurog", null, null, 1 },
        { "spinal stenosis", null, null, 1 },
        { "thrombectomy bleeding", null, null, 1 },
        { "37188 venogram", null, null, 1 },
        { "the", null, null, 1 },
        { "pain when walking", null, null, 1 },
        { "thrombectmy", null, null, 1 },
        { "fluroscopy", null, null, 1 },
        { "hematoma", "CPT", null, 1 },
        { "interpretation", null, null, 1 },
        { "bleeding", null, "risks", 1 },
        { "zebrafication", null, null, 1 },
        { "qqxqzzv", null, null, 1 },
    };

    [PostgresTheory]
    [MemberData(nameof(Queries))]
    public async Task A_search_through_the_lexeme_index_is_the_search_through_the_GIN_indexes(string text, string? system, string? section, int page)
    {
        var shortcuts = new PostgresSearchIndex(db.Source, db.Options, db.Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories);
        var plain = new PostgresSearchIndex(db.Source, db.Options, db.Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories)
        {
            Shortcuts = false,
        };
        await shortcuts.PrepareLexemes(db.Versions.Live);
        var query = new SearchQuery(text, system, null, section, page, 5);

        var expected = plain.Search(query);
        var actual = shortcuts.Search(query);

        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        Assert.Equal(0, plain.LexemeAnswers);
        if (section is null && actual.Total > 0) Assert.True(shortcuts.LexemeAnswers > 0, text);
    }

    [PostgresFact]
    public async Task The_lexeme_index_finds_what_the_documents_match()
    {
        var index = new PostgresSearchIndex(db.Source, db.Options, db.Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories);
        await index.PrepareLexemes(db.Versions.Live);

        // Through the in-memory path: a word, an unfinished word (retried as a prefix), a synonym phrase: as many hits as pages the GIN index matches.
        foreach (var (text, tsquery) in new[] { ("bleeding", "'bleeding'"), ("thromb", "'thromb':*"), ("blood clot", "'blood' <-> 'clot'") })
        {
            var pages = db.Database.Scalar<long>(
                $"SELECT count(*) FROM search_documents WHERE version_id = {db.LiveVersion()} AND document @@ to_tsquery('procref', '{tsquery.Replace("'", "''")}')");
            var total = index.Search(new SearchQuery(text)).Total;
            Assert.True(pages > 0, text);
            Assert.Equal(pages, total);
        }
        Assert.True(index.LexemeAnswers >= 3);
    }

    [PostgresFact]
    public async Task A_single_word_in_descriptors_ranks_those_pages_only_and_shows_the_same_hits()
    {
        var shortcuts = new PostgresSearchIndex(db.Source, db.Options, db.Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories);
        var plain = new PostgresSearchIndex(db.Source, db.Options, db.Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories)
        {
            Shortcuts = false,
        };
        await shortcuts.PrepareLexemes(db.Versions.Live);

        // 'catheter' is in one descriptor and in the body of other pages: one hit a page, the first page ranks the descriptor alone.
        for (var page = 1; page <= 3; page++)
        {
            var query = new SearchQuery("catheter", Page: page, PageSize: 1);
            var expected = plain.Search(query);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(shortcuts.Search(query)));
        }
        Assert.True(shortcuts.LeadOnlyRanks > 0);
    }

    [Theory]
    [InlineData("'bleed'", "bleed", false)]
    [InlineData("'thromb':*", "thromb", true)]
    [InlineData("'it''s'", "it's", false)]
    public void A_single_lexeme_is_read_back_from_the_server_text(string tsquery, string lexeme, bool prefix) =>
        Assert.Equal(new PostgresLexemeIndex.Lexeme(lexeme, prefix), PostgresLexemeIndex.Parse(tsquery));

    [Theory]
    [InlineData("")]
    [InlineData("'covid' <-> '19'")]
    [InlineData("'a' & 'b'")]
    [InlineData("'bleed':A")]
    public void Anything_but_one_lexeme_leaves_the_search_to_the_server(string tsquery) =>
        Assert.Null(PostgresLexemeIndex.Parse(tsquery));
}
