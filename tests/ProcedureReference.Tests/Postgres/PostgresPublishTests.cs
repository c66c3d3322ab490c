using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Postgres;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>A publish is one transaction that every instance hears of; the schema matches the domain's search columns.</summary>
public sealed class PostgresPublishTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly PostgresContentStore _store;

    public PostgresPublishTests() => _store = new PostgresContentStore(new PostgresOptions { ConnectionString = _database.ConnectionString });

    private TestDatabase Database => _database;
    private PostgresContentStore Store => _store;

    public void Dispose()
    {
        _store.Pruning.Wait();
        _database.Dispose();
        _temp.Dispose();
    }

    [PostgresFact]
    public async Task A_publish_notifies_listeners_with_the_new_live_version()
    {
        _ = Store.HasLiveContent;
        await using var listener = new NpgsqlConnection(Database.ConnectionString);
        await listener.OpenAsync();
        string? payload = null;
        listener.Notification += (_, e) => payload = e.Payload;
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresContentStore.ContentChannel}", listener))
            await listen.ExecuteNonQueryAsync();

        Assert.True(Store.ImportAndPublish(new ImportOptions(SeedContent.CopyTo(_temp)), "tester", "seeds").Published?.Succeeded);
        // The minutes only bound a hang: the notification is sent at the publish's commit.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await listener.WaitAsync(hang.Token);

        Assert.Equal(Database.Scalar<long>("SELECT version_id FROM live_content").ToString(System.Globalization.CultureInfo.InvariantCulture), payload);
    }

    [PostgresFact]
    public void A_publish_that_dies_before_its_commit_leaves_the_live_version_and_the_staged_import_as_they_were()
    {
        Assert.True(Store.ImportAndPublish(new ImportOptions(SeedContent.CopyTo(_temp, "first")), "tester", "first").Published?.Succeeded);
        // Other content than the first (an import of the same content is not published at all).
        var second = SeedContent.CopyTo(_temp, "second");
        File.Delete(Path.Combine(second, SeedContent.FileOf("78458")));
        var (staged, report) = Store.Stage(new ImportOptions(second), "tester", "second");
        Assert.True(staged is not null, report.FatalError);
        var thread = Environment.CurrentManagedThreadId;
        FaultPoint.Observer = point =>
        {
            if (point == FaultPoint.SwitchBeforeRename && Environment.CurrentManagedThreadId == thread) throw new OperationCanceledException("killed");
        };
        try
        {
            Assert.Throws<OperationCanceledException>(() => Store.Publish(staged.Id, "tester"));
        }
        finally
        {
            FaultPoint.Observer = null;
        }

        Assert.Equal(1, Store.Versions().LiveNumber);
        Assert.Equal(staged.Id, Assert.Single(Store.Staged()).Id);
        Assert.True(Store.Publish(staged.Id, "tester").Succeeded);
        Assert.Equal(2, Store.Versions().LiveNumber);
    }

    [PostgresFact]
    public void The_search_documents_have_a_column_for_each_search_column_and_the_generated_vectors()
    {
        _ = Store.HasLiveContent;

        var columns = Database.Column<string>("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'search_documents'");
        var generated = Database.Column<string>("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'search_documents' AND is_generated = 'ALWAYS'");

        string[] expected = ["version_id", "page_id", .. SearchColumns.All, "document", "title_names"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
        Assert.Equal(["document", "title_names"], generated.Order(StringComparer.Ordinal));
    }
}
