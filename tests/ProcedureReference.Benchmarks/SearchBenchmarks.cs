using BenchmarkDotNet.Attributes;
using ProcedureReference.Testing;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Benchmarks;

/// <summary>Search and suggest over a generated corpus imported into a temp database, with content/'s synonyms.</summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private string? _folder;
    private SqliteSearchIndex? _index;

    [Params(2_000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchData.GenerateCorpus(Pages);
        var database = Path.Combine(_folder, "bench.db");
        var report = TestContent.Publish(_folder, database);
        if (!report.Succeeded) throw new InvalidOperationException(report.FatalError);
        var options = new SqliteOptions { DatabasePath = database, AdminDatabasePath = Path.Combine(_folder, "admin.db") };
        _index = new SqliteSearchIndex(options, new SqliteContentVersions(options),
            Synonyms.Load(Path.Combine(BenchData.ContentFolder, "synonyms.csv")));
    }

    [GlobalCleanup]
    public void Cleanup() => BenchData.Delete(_folder);

    [Benchmark]
    public int SearchWords() => _index!.Search(new SearchQuery("blood clot in leg")).Total;

    [Benchmark]
    public int SearchCodePrefix() => _index!.Search(new SearchQuery("345")).Total;

    [Benchmark]
    public int SearchTypo() => _index!.Search(new SearchQuery("thrombectmy")).Total;

    [Benchmark]
    public int SuggestWord() => _index!.Suggest("thromb").Count;

    [Benchmark]
    public int SuggestCode() => _index!.Suggest("37").Count;
}
