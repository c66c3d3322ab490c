using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Postgres;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Tests.Search;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Postgres.Support;

/// <summary>
/// A database of its own with the seed pages imported and published through the real store, as users do, and the
/// PostgreSQL search index over it with the repository's synonyms and code ranges: the PostgreSQL twin of
/// <see cref="SearchDatabase"/>. Nothing is made where PostgreSQL is missing and not required (the tests are
/// skipped then).
/// </summary>
public sealed class PostgresSearchDatabase : ISearchTestDatabase<PostgresSearchDatabase>
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
        if (!TestDatabase.Available) return;
        Database = TestDatabase.Create();
        Options = new PostgresOptions { ConnectionString = Database.ConnectionString };
        Store = new PostgresContentStore(Options);
        Source = NpgsqlDataSource.Create(Database.ConnectionString);
        Version = Publish();
        Versions = new PostgresContentVersions(Source, Options);
        Index = new PostgresSearchIndex(Source, Options, Versions, SearchDatabase.RepositorySynonyms, SearchDatabase.RepositoryCategories);
    }

    /// <summary>The seed pages after <paramref name="changeContent"/> has changed the copied content folder.</summary>
    public static PostgresSearchDatabase WithContent(Action<string> changeContent) => new(changeContent);

    public string Content { get; }

    public TestDatabase Database { get; } = null!;

    public string ConnectionString => Database.ConnectionString;

    public NpgsqlDataSource Source { get; } = null!;

    public PostgresOptions Options { get; } = null!;

    public PostgresContentStore Store { get; } = null!;

    /// <summary>The id of the version published first.</summary>
    public long Version { get; }

    public PostgresContentVersions Versions { get; } = null!;

    public PostgresSearchIndex Index { get; } = null!;

    ISearchIndex ISearchTestDatabase.Index => Index;

    IContentVersions ISearchTestDatabase.Versions => Versions;

    void ISearchTestDatabase.Publish() => Publish();

    /// <summary>Imports <see cref="Content"/> as it is now and publishes it through the store (which NOTIFYs); returns the new live version's id.</summary>
    public long Publish()
    {
        var (report, published) = Store.ImportAndPublish(new ImportOptions(Content), "test", "folder " + Content);
        if (published is not { Succeeded: true }) throw new InvalidOperationException(report.FatalError ?? published?.Message);
        return LiveVersion();
    }

    /// <summary>
    /// Plays a lost notification: stages <see cref="Content"/> through the store, then moves live_content to it by
    /// SQL without the NOTIFY a publish sends, so only polling can notice. Returns the new live version's id.
    /// </summary>
    public long PublishWithoutNotification()
    {
        var (staged, report) = Store.Stage(new ImportOptions(Content), "test", "folder " + Content);
        if (staged is null) throw new InvalidOperationException(report.FatalError);
        Database.Execute($"UPDATE live_content SET version_id = (SELECT id FROM content_versions WHERE staged_id = '{staged.Id}'), changed_at = now()");
        return LiveVersion();
    }

    public long LiveVersion() => Database.Scalar<long>("SELECT version_id FROM live_content");

    public SearchResults Search(string text, string? system = null, string? category = null, string? section = null, int page = 1, int pageSize = 20) =>
        Index.Search(new SearchQuery(text, system, category, section, page, pageSize));

    /// <summary>The codes of the hits, in order.</summary>
    public List<string> Codes(string text, string? system = null, string? category = null, string? section = null) =>
        Search(text, system, category, section).Hits.Select(h => h.Code).ToList();

    public void Dispose()
    {
        if (Database is not null)
        {
            Store.Pruning.Wait();
            Source.Dispose();
            Database.Dispose();
        }
        _temp.Dispose();
    }
}
