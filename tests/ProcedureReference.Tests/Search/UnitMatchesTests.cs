using Microsoft.Data.Sqlite;
using ProcedureReference.Corpus;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>
/// The search's in-memory parts checked against SQLite itself on a real generated database: units ANDed in memory
/// (broad ones kept as bitsets per version) find exactly what one FTS5 statement finds, the total and system and
/// category facets equal a count by brute force, and an unfinished last word searched as its most frequent
/// completions finds what FTS5's prefix query finds when it has no more completions than are searched.
/// </summary>
public sealed class UnitMatchesTests(UnitMatchesTests.Database db) : IClassFixture<UnitMatchesTests.Database>
{
    private const int Pages = UnitMatches.BroadPages + 300;
    private static readonly Synonyms TestSynonyms = Synonyms.Parse(["blood thinner, anticoagulant, anticoagulation", "scan, imaging"]);
    private readonly string _database = db.Path;
    private readonly SqliteSearchIndex _index = db.Index;

    /// <summary>One generated database for the class (generating and importing it takes seconds).</summary>
    public sealed class Database : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Database()
        {
            var corpus = _temp.CreateFolder("corpus");
            CorpusGenerator.Generate(corpus, Pages, seed: 17);
            Path = _temp.Combine("data", "ref.db");
            var report = TestContent.Publish(corpus, Path);
            Assert.True(report.Succeeded, report.FatalError);
            var options = new SqliteOptions { DatabasePath = Path, AdminDatabasePath = _temp.Combine("data", "admin.db") };
            Index = new SqliteSearchIndex(options, new SqliteContentVersions(options), TestSynonyms);
        }

        public string Path { get; }

        public SqliteSearchIndex Index { get; }

        public void Dispose() => _temp.Dispose();
    }

    public static TheoryData<string> Queries => new()
    {
        "procedure", "procedure risks", "blood thinner", "blood thinner procedure", "imaging pain", "pain", "recovery time",
        "anesthesia", "procedure zzzzunknown", "bleeding infection", "pr", "procedure re",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Units_anded_in_memory_find_what_one_fts5_statement_finds_cold_and_kept(string query)
    {
        var units = QueryPlan.Create(query, TestSynonyms).Units;
        var matches = new UnitMatches(Pages + 10);
        using var connection = Open();

        var expected = TextMatches.RowIds(connection, MatchExpression.For(units));
        var expectedDescriptors = TextMatches.RowIds(connection, $"{{title names}} : ({MatchExpression.For(units)})");

        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(expected, matches.Matches(connection, units));
            Assert.Equal(expectedDescriptors, matches.DescriptorMatches(connection, units));
        }
    }

    [Fact]
    public void A_broad_unit_is_kept_and_a_narrow_one_is_not()
    {
        var matches = new UnitMatches(Pages + 10);
        using var connection = Open();
        var broad = QueryPlan.Create("procedure", TestSynonyms).Units;
        Assert.True(TextMatches.RowIds(connection, MatchExpression.For(broad)).Count >= UnitMatches.BroadPages);

        matches.Matches(connection, QueryPlan.Create("zzzzunknown", TestSynonyms).Units);
        Assert.Equal(0, matches.KeptCount);
        matches.Matches(connection, broad);
        Assert.Equal(1, matches.KeptCount);
    }

    [Theory]
    [InlineData("procedure")]
    [InlineData("blood thinner")]
    [InlineData("imaging pain")]
    [InlineData("pain")]
    public void Total_and_system_and_category_facets_equal_a_brute_force_count(string query)
    {
        var units = QueryPlan.Create(query, TestSynonyms).Units;
        using var connection = Open();
        var ids = TextMatches.RowIds(connection, MatchExpression.For(units)).ToHashSet();
        var systems = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, System FROM pages";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (ids.Contains(reader.GetInt32(0))) systems[reader.GetString(1)] = systems.GetValueOrDefault(reader.GetString(1)) + 1;
            }
        }

        for (var round = 0; round < 2; round++)
        {
            var results = _index.Search(new SearchQuery(query));
            Assert.Equal(ids.Count, results.Total);
            Assert.Equal(systems.OrderBy(p => p.Key, StringComparer.Ordinal), results.Systems.Select(f => KeyValuePair.Create(f.Value, f.Count)).OrderBy(p => p.Key, StringComparer.Ordinal));
            var system = results.Systems[0].Value;
            Assert.Equal(systems[system], _index.Search(new SearchQuery(query, System: system)).Total);
            Assert.Equal(0, _index.Search(new SearchQuery(query, System: "NO-SUCH-SYSTEM")).Total);
        }
    }

    [Fact]
    public void Completions_are_the_words_on_most_pages_then_alphabetical()
    {
        var vocabulary = Vocabulary.Build([["treat treatment"], ["treatment treated"], ["treatment treats"], ["treated"], ["tree"]]);

        var (words, of) = vocabulary.Completions("trea", 3);

        Assert.Equal(["treatment", "treated", "treat"], words);
        Assert.Equal(4, of);
        Assert.Empty(vocabulary.Completions("zzz", 3).Words);
    }

    [Fact]
    public async Task An_unfinished_last_word_finds_every_page_with_a_word_starting_so_and_marks_it()
    {
        await _index.VocabularyReady();
        Vocabulary vocabulary;
        List<HashSet<string>> pageWords;
        using (var connection = Open())
        {
            pageWords = [.. ContentRows.SearchTexts(connection).Select(texts => texts.SelectMany(QueryTokens.Words).ToHashSet(StringComparer.Ordinal))];
            vocabulary = Vocabulary.Build(pageWords.Select(words => (IEnumerable<string?>)[string.Join(' ', words)]));
        }
        var checkedPrefixes = 0;
        foreach (var prefix in new[] { "anest", "bleed", "infec", "recov", "compl", "incis", "sedat", "imagi", "stent", "anticoa" })
        {
            var (words, of) = vocabulary.Completions(prefix, SqliteSearchIndex.MaxPrefixCompletions);
            if (words.Count == 0 || vocabulary.Contains(prefix) || of > SqliteSearchIndex.MaxPrefixCompletions) continue;
            checkedPrefixes++;

            var results = _index.Search(new SearchQuery(prefix));

            // What is searched: the completions as words (FTS5 stems them, so 'imaging' finds 'image' too) ...
            Assert.Equal(FtsCount(string.Join(" OR ", words.Select(w => $"\"{w}\""))), results.Total);
            // ... so no page with a word starting so is lost. (FTS5's own prefix query stems the prefix: 'imagi*' finds nothing.)
            Assert.True(results.Total >= pageWords.Count(set => set.Any(w => w.StartsWith(prefix, StringComparison.Ordinal))), prefix);
            Assert.All(results.Hits, hit => Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal));
        }
        Assert.True(checkedPrefixes >= 3, $"only {checkedPrefixes} prefixes of the corpus checked");
    }

    [Fact]
    public async Task A_word_and_an_unfinished_word_find_pages_with_both()
    {
        await _index.VocabularyReady();

        var results = _index.Search(new SearchQuery("the pati"));

        Assert.True(results.Total > 0);
        Assert.All(results.Hits, hit => Assert.Contains("<mark>pati", hit.SnippetHtml, StringComparison.OrdinalIgnoreCase));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(SqliteFiles.ConnectionString(_database, readOnly: true));
        connection.Open();
        return connection;
    }

    private int FtsCount(string match)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SearchColumns.Table} WHERE {SearchColumns.Table} MATCH $m";
        command.Parameters.AddWithValue("$m", match);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
