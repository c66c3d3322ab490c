using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ProcedureReference.Accounts;
using ProcedureReference.Postgres;
using ProcedureReference.Publishing;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Search;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>
/// The reading side as the host registers it (AddPostgresReading), and its pages: the same content imported into
/// SQLite and into PostgreSQL reads back the same, code page by code page.
/// </summary>
public sealed class PostgresReadingTests(PostgresSearchDatabase db) : IClassFixture<PostgresSearchDatabase>
{
    [PostgresFact]
    public async Task Every_page_catalog_and_code_list_reads_as_on_SQLite()
    {
        using var sqlite = new SearchDatabase();
        var services = new ServiceCollection()
            .AddSingleton(new SqliteOptions { DatabasePath = sqlite.Path, AdminDatabasePath = sqlite.Path + ".admin" })
            .AddSqliteReading();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var expected = scope.ServiceProvider.GetRequiredService<IContentReader>();
        var actual = new PostgresContentReader(db.Source, db.Versions, db.Options);
        var none = CancellationToken.None;

        var codes = await expected.CodesAsync(none);
        Assert.Equal(codes, await actual.CodesAsync(none));
        Assert.Equal(await expected.PageCountAsync(none), await actual.PageCountAsync(none));
        Assert.Equal(await expected.CatalogAsync(null, none), await actual.CatalogAsync(null, none));
        Assert.Equal(await expected.CatalogAsync("CPT", none), await actual.CatalogAsync("CPT", none));
        Assert.Empty(await actual.CatalogAsync("HCPCS", none));
        foreach (var code in codes)
            Assert.Equal(JsonSerializer.Serialize(await expected.FindAsync(code, none)), JsonSerializer.Serialize(await actual.FindAsync(code, none)));
        Assert.Null(await actual.FindAsync("99999", none));
        var glossary = (await actual.GlossaryAsync(none)).Entries;
        Assert.NotEmpty(glossary);
        Assert.Equal((await expected.GlossaryAsync(none)).Entries, glossary);
    }

    [PostgresFact]
    public async Task AddPostgresStorage_registers_one_pool_that_the_stores_and_the_readers_share()
    {
        var services = new ServiceCollection()
            .AddSingleton(db.Options)
            .AddSingleton(SearchDatabase.RepositorySynonyms)
            .AddSingleton(SearchDatabase.RepositoryCategories)
            .AddPostgresStorage();
        Assert.Single(services, d => d.ServiceType == typeof(NpgsqlDataSource));
        var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IContentStore>();
        var admins = provider.GetRequiredService<IAdminStore>();
        Assert.True(store.HasLiveContent);
        Assert.False(admins.Any());

        // With the one pool gone, neither store has a connection left: they hold no pool of their own.
        await provider.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => store.HasLiveContent);
        Assert.Throws<ObjectDisposedException>(() => admins.Any());
    }

    [PostgresFact]
    public async Task AddPostgresReading_registers_a_listening_signal_a_search_index_and_a_reader_per_scope()
    {
        var services = new ServiceCollection()
            .AddSingleton(db.Options)
            .AddSingleton(SearchDatabase.RepositorySynonyms)
            .AddSingleton(SearchDatabase.RepositoryCategories)
            .AddPostgresReading();
        await using var provider = services.BuildServiceProvider();
        var versions = provider.GetRequiredService<PostgresContentVersions>();
        Assert.Same(versions, provider.GetRequiredService<IContentVersions>());
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        versions.Listening += () => listening.TrySetResult();
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        await hosted.StartAsync(CancellationToken.None);
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(db.Version, versions.Live.Id);
            Assert.Contains("37188", provider.GetRequiredService<ISearchIndex>().Search(new SearchQuery("blood clot")).Hits.Select(h => h.Code));
            await using var first = provider.CreateAsyncScope();
            await using var second = provider.CreateAsyncScope();
            var reader = first.ServiceProvider.GetRequiredService<IContentReader>();
            Assert.IsType<PostgresContentReader>(reader);
            Assert.Same(reader, first.ServiceProvider.GetRequiredService<IContentReader>());
            Assert.NotSame(reader, second.ServiceProvider.GetRequiredService<IContentReader>());
            Assert.Equal(5, await reader.PageCountAsync(CancellationToken.None));
        }
        finally
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }
}
