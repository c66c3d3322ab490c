using System.Diagnostics;
using System.Diagnostics.Metrics;
using ProcedureReference.Reading;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// The product's own meter, <c>ProcedureReference</c>: how long searches, type-ahead, imports and publishes take,
/// which content version this instance serves, and how often the output cache answers. Recording costs next to
/// nothing while nothing listens (metrics off, the default); <see cref="Metrics"/> exports it when they are on.
/// </summary>
public sealed class ReferenceMetrics
{
    public const string MeterName = "ProcedureReference";

    /// <summary>Milliseconds: fine below 10 ms, where a search at 100,000 pages should be, up to the 5 s request timeout.</summary>
    private static readonly double[] RequestBucketsMs = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    /// <summary>Seconds: a switch takes well under one, an import of 100,000 pages minutes.</summary>
    private static readonly double[] JobBucketsSeconds = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    private readonly Histogram<double> _search;
    private readonly Histogram<double> _suggest;
    private readonly Histogram<double> _import;
    private readonly Histogram<double> _publish;
    private readonly Counter<long> _cacheRequests;

    public ReferenceMetrics(IMeterFactory meters, IContentVersions versions)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _search = meter.CreateHistogram("procedurereference.search.duration", "ms",
            "Time to answer a search (the page or the API), from the index's point of view.", advice: Buckets(RequestBucketsMs));
        _suggest = meter.CreateHistogram("procedurereference.suggest.duration", "ms",
            "Time to answer a type-ahead request.", advice: Buckets(RequestBucketsMs));
        _import = meter.CreateHistogram("procedurereference.import.duration", "s",
            "Time an admin's import took to parse and stage a content folder or upload.", advice: Buckets(JobBucketsSeconds));
        _publish = meter.CreateHistogram("procedurereference.publish.duration", "s",
            "Time a publish or a rollback took to switch the live content.", advice: Buckets(JobBucketsSeconds));
        _cacheRequests = meter.CreateCounter<long>("procedurereference.output_cache.requests", "{request}",
            "Requests for output-cached content, by whether the cache answered (hit) or the page was made (miss).");
        meter.CreateObservableGauge("procedurereference.content.version", () => LiveVersion(versions), "{version}",
            "The content version this instance serves, as its storage numbers it (on a shared database, instances that differ have not all seen a publish yet).");
    }

    /// <summary>Whether anything listens to the cache counter (metrics on): the cache's probe is skipped when not.</summary>
    public bool CountsCacheRequests => _cacheRequests.Enabled;

    public void Searched(long startTimestamp) => _search.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Suggested(long startTimestamp) => _suggest.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Imported(long startTimestamp, bool succeeded) =>
        _import.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, Result(succeeded));

    /// <param name="action"><c>publish</c> or <c>rollback</c>.</param>
    public void Switched(long startTimestamp, string action, bool succeeded) =>
        _publish.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("action", action), Result(succeeded));

    public void CacheRequest(bool hit) => _cacheRequests.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    private static KeyValuePair<string, object?> Result(bool succeeded) => new("result", succeeded ? "succeeded" : "failed");

    private static InstrumentAdvice<double> Buckets(double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };

    /// <summary>No measurement, rather than a failed scrape, while the content cannot be read.</summary>
    private static IEnumerable<Measurement<long>> LiveVersion(IContentVersions versions)
    {
        long id;
        try
        {
            id = versions.Live.Id;
        }
        catch (StorageException)
        {
            return [];
        }
        return [new Measurement<long>(id)];
    }
}
