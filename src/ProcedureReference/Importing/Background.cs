using System.Collections.Concurrent;

namespace ProcedureReference.Importing;

/// <summary>
/// Runs a sequence on a thread of its own, a few items ahead of the one reading it, so producing the next items
/// overlaps with the reader's work on the last (the similar codes of the next block are computed while the writer
/// writes this block's). A producer's exception surfaces on the reader's thread.
/// </summary>
internal sealed class Ahead<T> : IDisposable
{
    private readonly BlockingCollection<T> _items;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;

    public Ahead(Func<IEnumerable<T>> source, int ahead)
    {
        _items = new BlockingCollection<T>(ahead);
        _producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source()) _items.Add(item, _stop.Token);
            }
            finally
            {
                _items.CompleteAdding();
            }
        }, _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public IEnumerable<T> Items()
    {
        foreach (var item in _items.GetConsumingEnumerable()) yield return item;
        _producer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _producer.Wait(); }
        catch (AggregateException) { /* cancelled, or failed: the reader has its own error to report */ }
        _items.Dispose();
        _stop.Dispose();
    }
}

/// <summary>
/// Hands items to one thread of its own, in order, so the caller's thread goes on with its own work (the writer
/// writes the next page while the similarity index reads this one's terms). <see cref="Complete"/> waits for the
/// last item and surfaces the consumer's exception.
/// </summary>
internal sealed class Behind<T> : IDisposable
{
    private readonly BlockingCollection<T> _items;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _consumer;

    public Behind(Action<T> consume, int queued)
    {
        _items = new BlockingCollection<T>(queued);
        _consumer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in _items.GetConsumingEnumerable(_stop.Token)) consume(item);
            }
            catch
            {
                _stop.Cancel(); // the poster must not wait on a queue nobody empties
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Post(T item)
    {
        try
        {
            _items.Add(item, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            _consumer.GetAwaiter().GetResult(); // the consumer failed: its exception, not the cancellation
            throw;
        }
    }

    public void Complete()
    {
        _items.CompleteAdding();
        _consumer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!_items.IsAddingCompleted) _items.CompleteAdding();
        _stop.Cancel();
        try { _consumer.Wait(); }
        catch (AggregateException) { /* cancelled, or failed: the caller has its own error to report */ }
        _items.Dispose();
        _stop.Dispose();
    }
}
