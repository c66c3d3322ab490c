using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ProcedureReference.Testing;

namespace ProcedureReference.Benchmarks;

/// <summary>A whole import (parse, store, FTS index, similar codes, publish) of a generated corpus into a new database.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    private string? _folder;
    private string _database = "";

    [Params(1_000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup() => _folder = BenchData.GenerateCorpus(Pages);

    [IterationSetup]
    public void NewDatabase() => _database = Path.Combine(_folder!, $"bench-{Guid.NewGuid():N}.db");

    [GlobalCleanup]
    public void Cleanup() => BenchData.Delete(_folder);

    [Benchmark]
    public int Import()
    {
        var report = TestContent.Publish(_folder!, _database);
        return report.Succeeded ? report.Imported : throw new InvalidOperationException(report.FatalError);
    }
}
