using System.Globalization;
using ProcedureReference.Corpus;

namespace ProcedureReference.Benchmarks;

/// <summary>
/// Generates a corpus of each size asked for, runs the similarity step over it as the importer does, and prints
/// one table row a size: precision against the planted families, the step's time and its memory.
/// </summary>
public static class SimilarityCommand
{
    private const string Usage = "usage: similarity [--pages N[,N...]] [--seed S] (default: --pages 10000 --seed 2026)";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var sizes = new List<int> { 10_000 };
        var seed = 2026;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pages" when value is not null && TryParseSizes(value, out var parsed):
                    sizes = parsed;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                default:
                    errors.WriteLine($"similarity: unexpected '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        output.WriteLine($"Similarity step on generated corpora (seed {seed}), {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("| pages | P@5 | P@1 | adds (tokenize) s | build s | step s | index MB | build allocated MB | peak working set MB |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var pages in sizes)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"procref-bench-{pages}-{Guid.NewGuid():N}");
            try
            {
                var corpus = CorpusGenerator.Generate(folder, pages, seed);
                errors.WriteLine($"generated {pages:N0} pages in {corpus.Elapsed.TotalSeconds:0.00} s");
                var m = SimilarityHarness.Measure(folder);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {m.Pages:N0} | {m.PrecisionAt5:0.000} | {m.PrecisionAt1:0.000} | {m.Add.TotalSeconds:0.00} | {m.Build.TotalSeconds:0.00} | " +
                    $"{(m.Add + m.Build).TotalSeconds:0.00} | {m.IndexBytes / 1048576.0:0.0} | {m.BuildAllocatedBytes / 1048576.0:0} | {m.PeakWorkingSetBytes / 1048576.0:0} |"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    private static bool TryParseSizes(string text, out List<int> sizes)
    {
        sizes = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > CorpusGenerator.MaxPages) return false;
            sizes.Add(n);
        }
        return sizes.Count > 0;
    }
}
