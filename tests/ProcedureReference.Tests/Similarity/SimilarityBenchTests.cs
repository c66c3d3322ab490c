using System.Globalization;
using ProcedureReference.Corpus;
using ProcedureReference.Tests.Support;
using Xunit.Abstractions;

namespace ProcedureReference.Tests.Similarity;

/// <summary>
/// Measures the similarity step alone on generated corpora: precision against the planted families, time,
/// memory. Nothing is asserted about time (machines differ); the numbers go to the test output. By default it
/// runs one small corpus so the harness stays working; for the real figures, in Release:
/// <code>PROCREF_BENCH_PAGES=10000,100000 dotnet test -c Release --filter Category=Bench --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait("Category", "Bench")]
public sealed class SimilarityBenchTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Measure_the_similarity_step()
    {
        var sizes = (Environment.GetEnvironmentVariable("PROCREF_BENCH_PAGES") ?? "1000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture));
        foreach (var pages in sizes)
        {
            var folder = _temp.Combine($"corpus-{pages}");
            var corpus = CorpusGenerator.Generate(folder, pages, seed: 2026);
            output.WriteLine($"generated {pages:N0} pages in {corpus.Elapsed.TotalSeconds:0.00} s");
            var measurement = SimilarityHarness.Measure(folder);
            output.WriteLine(measurement.ToString());
            Assert.Equal(pages, measurement.Pages);
            Assert.InRange(measurement.PrecisionAt5, 0.0, 1.0);
        }
    }
}
