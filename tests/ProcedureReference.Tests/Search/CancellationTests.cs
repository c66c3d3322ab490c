using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>A search whose request has timed out or gone stops, with the usual cancellation exception, and leaves the index working.</summary>
public abstract class CancellationTests<TDb>(TDb db) : IClassFixture<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    [EngineFact]
    public void A_cancelled_search_throws_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => db.Index.Search(new SearchQuery("blood clot"), cancel.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => db.Index.Suggest("blood clot", cancellationToken: cancel.Token));
    }

    [EngineFact]
    public async Task Searches_cancelled_while_running_end_cancelled_and_later_searches_are_whole()
    {
        var expected = db.Codes("blood clot in leg");
        Assert.NotEmpty(expected);

        // Cancel at different moments: before, during and after the statements run. Each search either finishes
        // or is cancelled; no interrupt leaks out as another error, nor into the next search on a pooled connection.
        for (var delayTicks = 0; delayTicks < 200; delayTicks += 5)
        {
            using var cancel = new CancellationTokenSource();
            var search = Task.Run(() => db.Index.Search(new SearchQuery("blood clot in leg"), cancel.Token));
            Thread.SpinWait(delayTicks * 1000);
            cancel.Cancel();
            try
            {
                Assert.Equal(expected, (await search).Hits.Select(h => h.Code));
            }
            catch (OperationCanceledException)
            {
                // cancelled in time: the expected outcome for the early ones
            }
            Assert.Equal(expected, db.Codes("blood clot in leg"));
        }
    }
}

public sealed class SqliteCancellationTests(SearchDatabase db) : CancellationTests<SearchDatabase>(db);

public sealed class PostgresCancellationTests(PostgresSearchDatabase db) : CancellationTests<PostgresSearchDatabase>(db), IOnPostgres;
