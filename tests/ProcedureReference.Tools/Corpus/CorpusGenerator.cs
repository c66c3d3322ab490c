using System.Diagnostics;
using System.Text;
using ProcedureReference.Importing;

namespace ProcedureReference.Corpus;

/// <summary>What a generation wrote.</summary>
public sealed record GeneratedCorpus(string Folder, int Pages, int Families, int HeadedPages, int DroppedHeadingPages, TimeSpan Elapsed);

/// <summary>
/// Writes a synthetic corpus for testing and measuring at scale: N page files in both of the site's layouts,
/// drawn from families of related procedures, with codes.csv (file,code) as the importer reads it, and
/// families.csv (code,family) beside it for evaluating similar codes; the importer never reads the latter,
/// and nothing on a page names its family. The same seed always writes the same files.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>Codes are 5-digit numbers, so there are at most this many.</summary>
    public const int MaxPages = 100_000;

    public const string FamiliesFileName = "families.csv";

    public static GeneratedCorpus Generate(string folder, int pages, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pages, MaxPages);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFiles(folder, Importer.PageFilePattern).Any())
            throw new IOException($"{folder} already holds page files; generate into a new or empty folder");

        var plan = FamilyPlanner.Plan(pages, seed);
        var headed = 0;
        // Pages are independent (each has its own seed), so they are written in parallel; the output does not depend on the order.
        Parallel.For(0, plan.Count, () => 0, (i, _, count) =>
        {
            var text = PageComposer.Compose(plan[i], out var isHeaded);
            File.WriteAllText(Path.Combine(folder, plan[i].FileName), text);
            return count + (isHeaded ? 1 : 0);
        }, count => Interlocked.Add(ref headed, count));

        WriteCsv(Path.Combine(folder, Manifest.FileName), "file,code", plan.Select(p => $"{p.FileName},{p.Code}"));
        WriteCsv(Path.Combine(folder, FamiliesFileName), "code,family",
            plan.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => $"{p.Code},{p.Family.Label}"));
        return new GeneratedCorpus(folder, plan.Count, plan.Select(p => p.Family.Number).Distinct().Count(),
            headed, plan.Count - headed, clock.Elapsed);
    }

    /// <summary>Reads a families.csv back: code to family label.</summary>
    public static Dictionary<string, string> ReadFamilies(string folder) =>
        File.ReadLines(Path.Combine(folder, FamiliesFileName)).Skip(1)
            .Select(line => line.Split(','))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private static void WriteCsv(string path, string header, IEnumerable<string> rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows) text.Append(row).Append('\n');
        File.WriteAllText(path, text.ToString());
    }
}
