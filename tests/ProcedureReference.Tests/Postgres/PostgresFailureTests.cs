using Npgsql;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>
/// PostgreSQL's failures in the domain's words: a statement past the command timeout is cancelled (57014) and
/// is a <see cref="QueryTimedOutException"/>, the caller's cancel an <see cref="OperationCanceledException"/>, a
/// server that is not there a <see cref="ContentBusyException"/>. A writer holding a lock on the content makes a
/// statement wait for as long as it is held, so no timing decides what the tests see.
/// </summary>
public sealed class PostgresFailureTests(PostgresSearchDatabase db) : IClassFixture<PostgresSearchDatabase>
{
    private PostgresOptions Options(TimeSpan commandTimeout) =>
        new() { ConnectionString = db.ConnectionString, CommandTimeout = commandTimeout };

    [PostgresFact]
    public void A_search_past_the_command_timeout_is_cancelled_and_reported_as_timed_out()
    {
        var index = new PostgresSearchIndex(db.Source, Options(TimeSpan.FromMilliseconds(300)), db.Versions);
        using var hold = LockContent();

        Assert.Throws<QueryTimedOutException>(() => index.Search(new SearchQuery("blood clot")));
    }

    [PostgresFact]
    public void A_search_whose_caller_cancels_while_it_waits_ends_cancelled()
    {
        var index = new PostgresSearchIndex(db.Source, Options(TimeSpan.FromMinutes(10)), db.Versions);
        using var hold = LockContent();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => index.Search(new SearchQuery("blood clot"), cancel.Token));
        Assert.Equal(cancel.Token, thrown.CancellationToken);
    }

    [PostgresFact]
    public async Task A_page_read_past_the_command_timeout_is_reported_as_timed_out_and_the_next_read_is_whole()
    {
        var reader = new PostgresContentReader(db.Source, db.Versions, Options(TimeSpan.FromMilliseconds(300)));
        using (LockContent())
            await Assert.ThrowsAsync<QueryTimedOutException>(() => reader.FindAsync("37188", CancellationToken.None));

        // On the same pool, where a cancelled statement's connection went back; a limit no load reaches, so that
        // only a broken connection, not the machine's speed, could fail it.
        var next = new PostgresContentReader(db.Source, db.Versions, Options(TimeSpan.FromMinutes(10)));
        Assert.Equal("37188", (await next.FindAsync("37188", CancellationToken.None))?.Code);
    }

    [PostgresFact]
    public async Task A_server_that_is_not_there_is_busy_content_for_every_reader()
    {
        // A port nothing listens on: connections are refused, as while the server restarts.
        var nowhere = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Port = 1, Timeout = 5 }.ConnectionString;
        using var source = NpgsqlDataSource.Create(nowhere);
        var options = new PostgresOptions { ConnectionString = nowhere };
        var versions = new PostgresContentVersions(source, options);

        Assert.Throws<ContentBusyException>(versions.Refresh);
        Assert.Throws<ContentBusyException>(() => new PostgresSearchIndex(source, options, versions).Search(new SearchQuery("blood clot")));
        await Assert.ThrowsAsync<ContentBusyException>(() => new PostgresContentReader(source, db.Versions, options).PageCountAsync(CancellationToken.None));
    }

    [PostgresFact]
    public void After_a_timeout_the_pool_serves_the_next_search_normally()
    {
        var index = new PostgresSearchIndex(db.Source, Options(TimeSpan.FromMilliseconds(300)), db.Versions);
        using (LockContent())
            Assert.Throws<QueryTimedOutException>(() => index.Search(new SearchQuery("thrombectomy")));

        // A limit no load reaches: only a connection the cancel left broken, not the machine's speed, could fail it.
        var next = new PostgresSearchIndex(db.Source, Options(TimeSpan.FromMinutes(10)), db.Versions);
        Assert.Equal(["34421", "37188"], next.Search(new SearchQuery("thrombectomy")).Hits.Select(h => h.Code).Order());
    }

    /// <summary>A writer's exclusive lock on the content tables until disposed: every read of them waits.</summary>
    private Lock LockContent() => new(db.Source);

    private sealed class Lock : IDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;

        public Lock(NpgsqlDataSource source)
        {
            _connection = source.OpenConnection();
            _transaction = _connection.BeginTransaction();
            using var command = new NpgsqlCommand("LOCK TABLE pages, search_documents IN ACCESS EXCLUSIVE MODE", _connection, _transaction);
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
