using System.CommandLine;
using System.Globalization;
using ProcedureReference.Corpus;

namespace ProcedureReference.Tools;

/// <summary>`generate-corpus --pages N --out DIR [--seed S]`: write a synthetic corpus for tests and measurements.</summary>
public static class GenerateCorpusCommand
{
    public const string Name = "generate-corpus";
    public const int DefaultSeed = 1;

    public static Command Create()
    {
        var pages = new Option<int>("--pages")
        {
            Description = $"How many pages to write, 1 to {CorpusGenerator.MaxPages:N0} (codes are 5-digit numbers).",
            HelpName = "N",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                    result.AddError($"--pages needs a whole number, not '{text}'");
                else if (count is < 1 or > CorpusGenerator.MaxPages)
                    result.AddError($"--pages must be between 1 and {CorpusGenerator.MaxPages:N0} (codes are 5-digit numbers)");
                return count;
            },
        };
        var folder = new Option<string>("--out")
        {
            Description = "The folder to write them to: new, or without page files.",
            HelpName = "DIR",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed: the same seed always writes the same files.",
            HelpName = "S",
            DefaultValueFactory = _ => DefaultSeed,
        };
        var command = new Command(Name, "Write a synthetic corpus: page files in both layouts, codes.csv for the importer and families.csv for evaluating similar codes.")
        {
            pages, folder, seed,
        };
        command.SetAction(parsed => Run(parsed.GetValue(pages), parsed.GetRequiredValue(folder), parsed.GetValue(seed),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(int pages, string folder, int seed, TextWriter stdout, TextWriter stderr)
    {
        GeneratedCorpus corpus;
        try
        {
            corpus = CorpusGenerator.Generate(folder, pages, seed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
        stdout.WriteLine($"Wrote {corpus.Pages:N0} pages in {corpus.Families:N0} families to {Path.GetFullPath(corpus.Folder)}");
        stdout.WriteLine($"  {corpus.HeadedPages:N0} headed, {corpus.DroppedHeadingPages:N0} with dropped headings; seed {seed}");
        stdout.WriteLine($"  codes.csv for the importer, {CorpusGenerator.FamiliesFileName} for evaluation only");
        stdout.WriteLine($"Done in {corpus.Elapsed.TotalSeconds:0.00} s");
        return 0;
    }
}
