using System.Globalization;
using ProcedureReference.Corpus;

namespace ProcedureReference.Web.Cli;

/// <summary>`generate-corpus --pages N --out DIR [--seed S]`: write a synthetic corpus for tests and measurements.</summary>
public static class GenerateCorpusCommand
{
    public const int DefaultSeed = 1;

    public static int Run(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var pages = Number(args, "--pages") ?? throw new UsageException("say how many pages: --pages N");
        var folder = CommandLine.Option(args, "--out") ?? throw new UsageException("say where to write them: --out DIR");
        var seed = Number(args, "--seed") ?? DefaultSeed;
        if (pages is < 1 or > CorpusGenerator.MaxPages)
            throw new UsageException($"--pages must be between 1 and {CorpusGenerator.MaxPages:N0} (codes are 5-digit numbers)");

        GeneratedCorpus corpus;
        try
        {
            corpus = CorpusGenerator.Generate(folder, pages, seed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"generate-corpus: {e.Message}");
            return 1;
        }
        stdout.WriteLine($"Wrote {corpus.Pages:N0} pages in {corpus.Families:N0} families to {Path.GetFullPath(corpus.Folder)}");
        stdout.WriteLine($"  {corpus.HeadedPages:N0} headed, {corpus.DroppedHeadingPages:N0} with dropped headings; seed {seed}");
        stdout.WriteLine($"  codes.csv for the importer, {CorpusGenerator.FamiliesFileName} for evaluation only");
        stdout.WriteLine($"Done in {corpus.Elapsed.TotalSeconds:0.00} s");
        return 0;
    }

    private static int? Number(string[] args, string flag)
    {
        var text = CommandLine.Option(args, flag);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{flag} needs a whole number, not '{text}'");
    }
}
