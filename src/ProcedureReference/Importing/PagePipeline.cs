using System.Collections.Concurrent;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;

namespace ProcedureReference.Importing;

/// <summary>A parsed page with everything the writer needs that depends on the page alone (null when the page is unusable).</summary>
internal sealed record PreparedPage(ParsedPage Page, PageRows? Rows, string? Hash, SimilarityPage? Similarity)
{
    public static PreparedPage Of(ParsedPage page) => page.IsUsable
        ? new PreparedPage(page, PageRows.Of(page), ContentHash.Of(page), SimilarityPage.From(0, page))
        : new PreparedPage(page, null, null, null);
}

/// <summary>
/// Prepares page files on worker threads ahead of the single writer and hands them over in file order (the
/// same folder always gives the same database). Work starts at construction, so parsing overlaps the writer's
/// own set-up; at most a few batches wait at once, so memory stays flat however many pages there are.
/// </summary>
internal sealed class PagePipeline : IDisposable
{
    private const int BatchSize = 256;
    private const int BatchesAhead = 2;

    private readonly BlockingCollection<PreparedPage[]> _batches = new(BatchesAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _workers;

    public PagePipeline(IReadOnlyList<string> files, Func<string, PreparedPage> prepare)
    {
        _workers = Task.Run(() =>
        {
            try
            {
                for (var start = 0; start < files.Count; start += BatchSize)
                {
                    var batch = files.Skip(start).Take(BatchSize).AsParallel().AsOrdered().Select(prepare).ToArray();
                    _batches.Add(batch, _stop.Token);
                }
            }
            finally
            {
                _batches.CompleteAdding();
            }
        });
    }

    public IEnumerable<PreparedPage> Pages()
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
            foreach (var page in batch) yield return page;
        _workers.GetAwaiter().GetResult(); // a worker's exception surfaces here, on the writer's thread
    }

    public void Dispose()
    {
        // The writer may have stopped early (an error): stop the workers before letting go of their queue.
        _stop.Cancel();
        try { _workers.Wait(); }
        catch (AggregateException) { /* cancelled, or failed: the writer has its own error to report */ }
        _batches.Dispose();
        _stop.Dispose();
    }
}
