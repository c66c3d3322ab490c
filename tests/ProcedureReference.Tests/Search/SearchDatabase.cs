using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>
/// A real database imported from a temp copy of content/, with a search index over it using the repository's
/// own synonyms.csv and cpt-ranges.csv (so the shipped files are what the tests exercise).
/// </summary>
public sealed class SearchDatabase : ISearchTestDatabase<SearchDatabase>
{
    private readonly TempFolder _temp = new();

    /// <summary>The five seed pages.</summary>
    public SearchDatabase() : this(_ => { })
    {
    }

    private SearchDatabase(Action<string> changeContent)
    {
        Content = SeedContent.CopyTo(_temp);
        changeContent(Content);
        Path = _temp.Combine("data", "ref.db");
        Publish();
        var options = new SqliteOptions { DatabasePath = Path, AdminDatabasePath = _temp.Combine("data", "admin.db") };
        Versions = new SqliteContentVersions(options);
        Index = new SqliteSearchIndex(options, Versions, RepositorySynonyms, RepositoryCategories);
    }

    /// <summary>The seed pages after <paramref name="changeContent"/> has changed the copied content folder.</summary>
    public static SearchDatabase WithContent(Action<string> changeContent) => new(changeContent);

    public static Synonyms RepositorySynonyms { get; } = Synonyms.Load(System.IO.Path.Combine(SeedContent.Folder, "synonyms.csv"));

    public static CodeCategories RepositoryCategories { get; } = CodeCategories.Load(System.IO.Path.Combine(SeedContent.Folder, "cpt-ranges.csv"));

    public string Content { get; }

    public string Path { get; }

    /// <summary>The index's version signal: <see cref="SqliteContentVersions.Refresh"/> after importing again, as the site does after a publish.</summary>
    public SqliteContentVersions Versions { get; }

    public SqliteSearchIndex Index { get; }

    ISearchIndex ISearchTestDatabase.Index => Index;

    IContentVersions ISearchTestDatabase.Versions => Versions;

    /// <summary>Imports <see cref="Content"/> as it is now into <see cref="Path"/>; the index sees it after <see cref="Versions"/>' Refresh.</summary>
    public void Publish()
    {
        var report = TestContent.Publish(Content, Path);
        if (!report.Succeeded) throw new InvalidOperationException(report.FatalError);
    }

    public SearchResults Search(string text, string? system = null, string? category = null, string? section = null, int page = 1, int pageSize = 20) =>
        Index.Search(new SearchQuery(text, system, category, section, page, pageSize));

    /// <summary>The codes of the hits, in order.</summary>
    public List<string> Codes(string text, string? system = null, string? category = null, string? section = null) =>
        Search(text, system, category, section).Hits.Select(h => h.Code).ToList();

    public void Dispose() => _temp.Dispose();
}
