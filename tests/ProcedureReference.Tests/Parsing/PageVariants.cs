using System.Text;

namespace ProcedureReference.Tests.Parsing;

/// <summary>
/// Damaged copies of real pages, made the ways scrapes go wrong: headings dropped, blank lines added or
/// removed, sections shuffled, lines duplicated, Windows line endings, markup-looking text. Seeded, so a
/// failure names a variant that can be made again.
/// </summary>
public static class PageVariants
{
    private static readonly string[] HostileLines =
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "# not a heading",
        "1. not a list",
        "*stars* and _underscores_ and `ticks`",
        "&amp; &lt;b&gt;",
        "| a | b |",
        "> quoted",
    ];

    public static IEnumerable<(string Name, string Text)> Of(string name, string page)
    {
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        yield return ($"{name} as is", page);
        yield return ($"{name} with BOM and CRLF", "\uFEFF" + string.Join("\r\n", lines));
        yield return ($"{name} with every heading dropped", Join(lines.Select(l => IsHeading(l) ? "" : l)));
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed);
            yield return ($"{name} seed {seed}: some headings dropped", Join(lines.Select(l => IsHeading(l) && random.Next(2) == 0 ? "" : l)));
            yield return ($"{name} seed {seed}: blank lines added", Join(lines.SelectMany(l => random.Next(6) == 0 ? new[] { l, "", "" } : [l])));
            yield return ($"{name} seed {seed}: blank lines removed", Join(lines.Where(l => l.Trim().Length > 0 || random.Next(3) > 0)));
            yield return ($"{name} seed {seed}: lines duplicated", Join(lines.SelectMany(l => random.Next(8) == 0 ? new[] { l, l } : [l])));
            yield return ($"{name} seed {seed}: lines deleted", Join(lines.Where(_ => random.Next(10) > 0)));
            yield return ($"{name} seed {seed}: markup inserted", Join(lines.SelectMany(l => random.Next(7) == 0 ? new[] { l, "  • " + HostileLines[random.Next(HostileLines.Length)], HostileLines[random.Next(HostileLines.Length)] } : [l])));
            yield return ($"{name} seed {seed}: sections shuffled", Join(ShuffleBlocks(lines, random)));
        }
    }

    private static bool IsHeading(string line) =>
        ProcedureReference.Parsing.SectionRules.MatchHeading(line.Trim()) is not null;

    private static IEnumerable<string> ShuffleBlocks(List<string> lines, Random random)
    {
        var blocks = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (IsHeading(line)) blocks.Add([]);
            blocks[^1].Add(line);
        }
        var head = blocks[0];
        var rest = blocks.Skip(1).OrderBy(_ => random.Next()).ToList();
        return head.Concat(rest.SelectMany(b => b.Append("")));
    }

    private static string Join(IEnumerable<string> lines) => new StringBuilder().AppendJoin('\n', lines).ToString();
}
