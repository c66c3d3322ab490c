using Npgsql;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Tests.Search;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Postgres.Support;

/// <summary>
/// A fresh PostgreSQL database with the seed pages published as its live version, and the PostgreSQL search
/// index over it with the repository's synonyms and code ranges: the PostgreSQL twin of <see cref="SearchDatabase"/>.
/// Nothing is made when no server is configured (the tests are skipped then).
/// </summary>
public sealed class PostgresSearchDatabase : IDisposable
{
    private readonly TempFolder _temp = new();

    /// <summary>The five seed pages.</summary>
    public PostgresSearchDatabase() : this(_ => { })
    {
    }

    private PostgresSearchDatabase(Action<string> changeContent)
    {
        Content = SeedContent.CopyTo(_temp);
        changeContent(Content);
        if (PostgresTestServer.ConnectionString is null) return;
        ConnectionString = PostgresTestServer.CreateDatabase();
        Source = NpgsqlDataSource.Create(ConnectionString);
        Options = new PostgresOptions { ConnectionString = ConnectionString };
        Version = TestPostgresContent.ImportAndPublish(Source, Content);
        Versions = new PostgresContentVersions(Source, Options);
        Index = new PostgresSearchIndex(Source, Options, Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories);
    }

    /// <summary>The seed pages after <paramref name="changeContent"/> has changed the copied content folder.</summary>
    public static PostgresSearchDatabase With(Action<string> changeContent) => new(changeContent);

    public string Content { get; }

    public string ConnectionString { get; } = "";

    public NpgsqlDataSource Source { get; } = null!;

    public PostgresOptions Options { get; } = null!;

    /// <summary>The live version's id.</summary>
    public long Version { get; }

    public PostgresContentVersions Versions { get; } = null!;

    public PostgresSearchIndex Index { get; } = null!;

    public SearchResults Search(string text, string? system = null, string? category = null, string? section = null, int page = 1, int pageSize = 20) =>
        Index.Search(new SearchQuery(text, system, category, section, page, pageSize));

    /// <summary>The codes of the hits, in order.</summary>
    public List<string> Codes(string text, string? system = null, string? category = null, string? section = null) =>
        Search(text, system, category, section).Hits.Select(h => h.Code).ToList();

    public void Dispose()
    {
        if (Source is not null)
        {
            Source.Dispose();
            PostgresTestServer.DropDatabase(ConnectionString);
        }
        _temp.Dispose();
    }
}
