using System.Globalization;

namespace ProcedureReference.Benchmarks;

/// <summary>
/// `queries --corpus DIR [--count 400] [--seed N]`: <see cref="RandomQueries"/> drawn from a generated corpus (its
/// codes.csv, page files and synonyms.csv), written as kind&lt;TAB&gt;query lines, tests/bench/queries.tsv's format.
/// </summary>
public static class QueriesCommand
{
    private const string Usage = "usage: queries --corpus DIR [--count 400] [--seed N]";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? corpus = null;
        int count = 400, seed = BenchData.Seed;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--corpus": corpus = args[i + 1]; break;
                case "--count" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0: break;
                case "--seed" when int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed): break;
                default: errors.WriteLine($"queries: unexpected '{args[i]}'. {Usage}"); return 2;
            }
        }
        if (corpus is null || args.Length % 2 != 0) { errors.WriteLine(Usage); return 2; }
        var queries = RandomQueries.Draw(corpus, count, seed);
        RandomQueries.WriteTsv(output, queries, $"{queries.Count} random queries from {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(corpus)))}, seed {seed}: kind<TAB>query.");
        return 0;
    }
}
