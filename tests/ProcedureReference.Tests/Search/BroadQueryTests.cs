using Microsoft.Data.Sqlite;
using ProcedureReference.Corpus;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>
/// A query matching more pages than are scored one by one (<see cref="TextMatches.MaxScoredPages"/>): the total and
/// facets are still exact, descriptor matches lead, and the section filter is not offered.
/// </summary>
public sealed class BroadQueryTests : IDisposable
{
    private const int Pages = TextMatches.MaxScoredPages + 200;
    private readonly TempFolder _temp = new();
    private readonly string _database;
    private readonly SqliteSearchIndex _index;

    public BroadQueryTests()
    {
        var corpus = _temp.CreateFolder("corpus");
        CorpusGenerator.Generate(corpus, Pages, seed: 11);
        _database = _temp.Combine("data", "ref.db");
        var report = TestContent.Publish(corpus, _database);
        Assert.True(report.Succeeded, report.FatalError);
        var options = new SqliteOptions { DatabasePath = _database, AdminDatabasePath = _temp.Combine("data", "admin.db") };
        _index = new SqliteSearchIndex(options, new SqliteContentVersions(options));
    }

    [Fact]
    public void A_word_on_every_page_counts_every_page_and_lists_descriptor_matches_first()
    {
        var everywhere = FtsCount("\"procedure\"");
        Assert.True(everywhere > TextMatches.MaxScoredPages, $"the corpus should have 'procedure' on more than {TextMatches.MaxScoredPages} pages, has {everywhere}");

        var results = _index.Search(new SearchQuery("procedure"));

        Assert.Equal(everywhere, results.Total);
        Assert.Equal(everywhere, results.Systems.Sum(s => s.Count));
        Assert.Empty(results.Sections);
        Assert.Equal(20, results.Hits.Count);
        var second = _index.Search(new SearchQuery("procedure", Page: 2));
        Assert.Empty(results.Hits.Select(h => h.Code).Intersect(second.Hits.Select(h => h.Code)));
    }

    [Fact]
    public void Descriptor_matches_of_a_broad_query_come_before_the_rest()
    {
        const string word = "imaging";
        var inTitles = FtsCount($"{{title}} : \"{word}\"");
        Assert.True(FtsCount($"\"{word}\"") > TextMatches.MaxScoredPages, "the corpus should use the word broadly");

        var hits = _index.Search(new SearchQuery(word)).Hits;

        Assert.All(hits.Take(Math.Min(inTitles, hits.Count)), hit => Assert.Contains(word, hit.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_broad_query_in_no_descriptor_lists_pages_in_code_order()
    {
        Assert.Equal(0, FtsCount("{title names} : \"anesthesia\""));
        Assert.True(FtsCount("\"anesthesia\"") > TextMatches.MaxScoredPages);

        var codes = _index.Search(new SearchQuery("anesthesia")).Hits.Select(h => h.Code).ToList();

        Assert.Equal(20, codes.Count);
        Assert.Equal(codes.OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal), codes);
    }

    private int FtsCount(string match)
    {
        using var connection = new SqliteConnection(SqliteFiles.ConnectionString(_database, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SearchColumns.Table} WHERE {SearchColumns.Table} MATCH $m";
        command.Parameters.AddWithValue("$m", match);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _temp.Dispose();
}
