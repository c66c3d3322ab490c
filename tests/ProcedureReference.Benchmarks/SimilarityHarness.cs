using System.Diagnostics;
using ProcedureReference.Corpus;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Benchmarks;

/// <summary>What one run of the similarity step over a corpus measured.</summary>
public sealed record SimilarityMeasurement(
    int Pages,
    double PrecisionAt5,
    double PrecisionAt1,
    double MeanSimilarCodes,
    TimeSpan ParseAndAdd,
    TimeSpan Add,
    TimeSpan Build,
    long IndexBytes,
    long BuildAllocatedBytes,
    long PeakWorkingSetBytes)
{
    public override string ToString() =>
        $"{Pages:N0} pages: P@5 {PrecisionAt5:0.000}, P@1 {PrecisionAt1:0.000}, {MeanSimilarCodes:0.0} similar codes per page; " +
        $"similarity build {Build.TotalSeconds:0.00} s, adds {Add.TotalSeconds:0.00} s (parse and add {ParseAndAdd.TotalSeconds:0.00} s); " +
        $"index {IndexBytes / 1048576.0:0.0} MB, build allocated {BuildAllocatedBytes / 1048576.0:0.0} MB, peak working set {PeakWorkingSetBytes / 1048576.0:0} MB";
}

/// <summary>
/// Runs the similarity step alone over a generated corpus, the way the importer does (pages parsed in
/// parallel, added in file order, then built), without SQLite, and measures it against the planted families.
/// </summary>
public static class SimilarityHarness
{
    private const int BatchSize = 2_000;

    public static SimilarityMeasurement Measure(string corpusFolder, SimilarityOptions? options = null)
    {
        var families = CorpusGenerator.ReadFamilies(corpusFolder);
        var manifest = Manifest.Load(corpusFolder);
        var files = Directory.EnumerateFiles(corpusFolder, Importer.PageFilePattern).Order(StringComparer.Ordinal).ToList();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var builder = new SimilarityIndexBuilder(options);
        var codes = new List<string>(files.Count);
        var add = new Stopwatch();
        var parseAndAdd = Stopwatch.StartNew();
        // Parsed a batch at a time on every core, then added on one thread with nothing else running, so the
        // add time is the similarity step's own and the pages' text is never all held at once.
        List<ParsedPage>? parsed = null;
        foreach (var batch in files.Chunk(BatchSize))
        {
            parsed = batch.AsParallel().AsOrdered()
                .Select(f => PageParser.Parse(Path.GetFileName(f), File.ReadAllBytes(f), manifest.CodeFor(Path.GetFileName(f))))
                .Where(p => p.IsUsable)
                .ToList();
            add.Start();
            foreach (var page in parsed)
            {
                builder.Add(SimilarityPage.From(codes.Count + 1, page));
                codes.Add(page.Code!);
            }
            add.Stop();
        }
        parsed = null; // not counted as the index's memory
        parseAndAdd.Stop();
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var build = Stopwatch.StartNew();
        var results = builder.Build().ToList();
        build.Stop();
        var buildAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var similar = results.ToDictionary(
            r => codes[r.PageId - 1],
            r => r.Codes.Where(c => c.Source == SimilarCodeSources.Computed).Select(c => c.Code).ToList());
        using var process = Process.GetCurrentProcess();
        return new SimilarityMeasurement(codes.Count,
            FamilyPrecision.At(5, similar, families), FamilyPrecision.At(1, similar, families),
            similar.Values.Average(l => l.Count),
            parseAndAdd.Elapsed, add.Elapsed, build.Elapsed, indexBytes, buildAllocated, process.PeakWorkingSet64);
    }
}
