using BenchmarkDotNet.Attributes;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Benchmarks;

/// <summary>The similarity step over pages already parsed: every page added, then every page's similar codes built.</summary>
[MemoryDiagnoser]
public class SimilarityBenchmarks
{
    private List<SimilarityPage> _pages = [];

    [Params(1_000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = BenchData.GenerateCorpus(Pages);
        try
        {
            var manifest = Manifest.Load(folder);
            _pages = Directory.EnumerateFiles(folder, Importer.PageFilePattern).Order(StringComparer.Ordinal)
                .Select(f => PageParser.Parse(Path.GetFileName(f), File.ReadAllBytes(f), manifest.CodeFor(Path.GetFileName(f))))
                .Where(p => p.IsUsable)
                .Select((p, i) => SimilarityPage.From(i + 1, p))
                .ToList();
        }
        finally
        {
            BenchData.Delete(folder);
        }
    }

    [Benchmark]
    public int AddAndBuild()
    {
        var builder = new SimilarityIndexBuilder();
        foreach (var page in _pages) builder.Add(page);
        return builder.Build().Count();
    }
}
