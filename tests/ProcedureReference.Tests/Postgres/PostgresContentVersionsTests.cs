using ProcedureReference.Importing;
using ProcedureReference.Postgres;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Search;
using ProcedureReference.Tests.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>
/// The content-version signal on PostgreSQL: a publish's NOTIFY, a lost notification caught by polling, a
/// listener connection that is killed and comes back, and a request that keeps the version it started on.
/// </summary>
public sealed class PostgresContentVersionsTests
{
    /// <summary>Bounds a hang only: every wait below ends at an event.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan NoPolling = TimeSpan.FromHours(1);

    [PostgresFact]
    public async Task A_publish_notifies_the_listener_which_raises_Changed_before_the_version_is_visible()
    {
        using var db = new PostgresSearchDatabase();
        await using var listener = await Listener.StartAsync(db, NoPolling);
        var seenInChanged = new TaskCompletionSource<(ContentVersion Raised, ContentVersion LiveThen)>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Versions.Changed += version => seenInChanged.TrySetResult((version, listener.Versions.Live));

        var next = PublishAnEdit(db);

        var (raised, liveThen) = await seenInChanged.Task.WaitAsync(Hang);
        Assert.Equal(next, raised.Id);
        Assert.Equal(db.Version, liveThen.Id);
        Assert.Equal(next, listener.Versions.Live.Id);
    }

    [PostgresFact]
    public async Task A_lost_notification_is_caught_by_polling()
    {
        using var db = new PostgresSearchDatabase();
        await using var listener = await Listener.StartAsync(db, TimeSpan.FromMilliseconds(200));
        var changed = new TaskCompletionSource<ContentVersion>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Versions.Changed += version => changed.TrySetResult(version);

        var next = db.PublishWithoutNotification();

        Assert.Equal(next, (await changed.Task.WaitAsync(Hang)).Id);
    }

    [PostgresFact]
    public async Task A_listener_whose_connection_is_killed_reconnects_and_reads_the_live_version_again()
    {
        using var db = new PostgresSearchDatabase();
        await using var listener = await Listener.StartAsync(db, NoPolling);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Versions.Listening += () => reconnected.TrySetResult();
        var changed = new TaskCompletionSource<ContentVersion>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Versions.Changed += version => changed.TrySetResult(version);

        db.Database.Execute(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{PostgresContentVersions.ListenerName}'");
        await reconnected.Task.WaitAsync(Hang);
        var next = PublishAnEdit(db);

        Assert.Equal(next, (await changed.Task.WaitAsync(Hang)).Id);
    }

    [PostgresFact]
    public async Task A_reader_keeps_the_version_it_started_on_through_a_publish()
    {
        using var db = new PostgresSearchDatabase();
        var early = new PostgresContentReader(db.Source, db.Versions, db.Options);
        Assert.Equal(5, await early.PageCountAsync(CancellationToken.None));

        File.WriteAllText(Path.Combine(db.Content, "900_zebra.txt"), SearchTestData.ScriptPage);
        SeedContent.AddCode(db.Content, "900_zebra.txt", "99998");
        var next = db.Publish();
        db.Versions.Refresh();
        Assert.Equal(next, db.Versions.Live.Id);

        Assert.Equal(5, await early.PageCountAsync(CancellationToken.None));
        Assert.Null(await early.FindAsync("99998", CancellationToken.None));
        Assert.DoesNotContain("99998", await early.CodesAsync(CancellationToken.None));
        var late = new PostgresContentReader(db.Source, db.Versions, db.Options);
        Assert.Equal(6, await late.PageCountAsync(CancellationToken.None));
        Assert.NotNull(await late.FindAsync("99998", CancellationToken.None));
    }

    [PostgresFact]
    public async Task A_site_started_on_an_empty_database_reads_no_content_then_sees_the_first_publish()
    {
        using var temp = new TempFolder();
        using var database = TestDatabase.Create();
        using var source = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var options = new PostgresOptions { ConnectionString = database.ConnectionString };
        // The readers come first, as in a site started before anything was imported: each makes the schema it needs.
        var versions = new PostgresContentVersions(source, options);
        var index = new PostgresSearchIndex(source, options, versions);
        var reader = new PostgresContentReader(source, versions, options);

        Assert.Equal(0, versions.Live.Id);
        Assert.Empty(index.Search(new SearchQuery("blood")).Hits);
        Assert.Empty(index.Suggest("blood"));
        Assert.Equal(0, await reader.PageCountAsync(CancellationToken.None));
        var store = new PostgresContentStore(options);
        Assert.False(store.HasLiveContent);

        Assert.True(store.ImportAndPublish(new ImportOptions(SeedContent.CopyTo(temp)), "tester", "seeds").Published?.Succeeded);
        versions.Refresh();

        Assert.True(store.HasLiveContent);
        Assert.Equal(5, await new PostgresContentReader(source, versions, options).PageCountAsync(CancellationToken.None));
        Assert.Contains("37188", index.Search(new SearchQuery("thrombectomy")).Hits.Select(h => h.Code));
        Assert.Contains("37188", index.Suggest("percutaneous").Select(s => s.Code));
    }

    /// <summary>A signal whose listener runs until disposed; started once it LISTENs.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _run = Task.CompletedTask;

        private Listener(PostgresContentVersions versions) => Versions = versions;

        public PostgresContentVersions Versions { get; }

        public static async Task<Listener> StartAsync(PostgresSearchDatabase db, TimeSpan pollInterval)
        {
            var options = new PostgresOptions { ConnectionString = db.ConnectionString, PollInterval = pollInterval };
            var listener = new Listener(new PostgresContentVersions(db.Source, options));
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            listener.Versions.Listening += () => listening.TrySetResult();
            listener._run = listener.Versions.ListenAsync(listener._stop.Token);
            await listening.Task.WaitAsync(Hang);
            return listener;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _stop.Dispose();
        }
    }

    /// <summary>Publishes the content with one page edited: an import of the same content is not published.</summary>
    private static long PublishAnEdit(PostgresSearchDatabase db)
    {
        var page = Path.Combine(db.Content, SeedContent.FileOf("37188"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("Percutaneous transluminal mechanical thrombectomy is", "Edited thrombectomy is", StringComparison.Ordinal));
        return db.Publish();
    }
}
