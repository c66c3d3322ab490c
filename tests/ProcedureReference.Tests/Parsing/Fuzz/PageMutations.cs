using System.Text;
using ProcedureReference.Parsing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Parsing.Fuzz;

/// <summary>
/// Real pages (content/*.txt and every spec example) damaged at random, several ways at once: lines shuffled,
/// duplicated and deleted, blank-line runs added and removed, headings and labels mangled (case,
/// punctuation, colons, spaces, cut words), markup and header labels dropped in anywhere, a huge line,
/// thousands of lines, other line endings and a BOM.
/// </summary>
public static class PageMutations
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Sources = new(() =>
        Directory.EnumerateFiles(SeedContent.Folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .Concat(SpecExample.All.Select(e => (e.ToString(), e.Input)))
            .ToList());

    private static readonly string[] Inserts =
    [
        "Search all medical codes", "CPT4 code", "CPT4 code 37188", "HCPCS Level II code J1100", "Name of the Procedure:",
        "Name of the Procedure: Something", "Common Name(s): A, B (c, d); E", "Common Names:", "Technical/Medical Term: Venography",
        "<script>alert(1)</script>", "[click](javascript:alert(1))", "# not a heading", "1. not a list", "  • ", "•", "1.",
        "*stars* and _underscores_", "&amp; &lt;b&gt;", "| a | b |", "> quoted", "---", "===", "```", "    indented code?",
        "Step-by-step explanation:", "Expected benefits:", "Related policies from health plans", "Medical Policies and Guidelines for Venography",
        "What is it?", "Ends with a colon:", ":", "?", "\u200B", "\uFEFF", "\u202Eright to left", "tab\there",
    ];

    private delegate void Mutation(List<string> lines, Random random);

    private static readonly (string Name, Mutation Apply, int Weight)[] Mutations =
    [
        ("lines shuffled", Shuffle, 3),
        ("lines duplicated", (l, r) => Each(l, r, 6, line => [line, line]), 3),
        ("lines deleted", (l, r) => Each(l, r, 6, _ => []), 3),
        ("blank-line runs added", (l, r) => Each(l, r, 5, line => [line, .. Enumerable.Repeat("", r.Next(1, 5))]), 3),
        ("blank lines removed", (l, r) => l.RemoveAll(line => line.Trim().Length == 0 && r.Next(3) > 0), 3),
        ("headings mangled", MangleHeadings, 6),
        ("lines inserted", (l, r) => Each(l, r, 6, line => [line, Inserts[r.Next(Inserts.Length)]]), 3),
        ("indentation and trailing space changed", (l, r) => Each(l, r, 4, line => [Spaces(r) + line + Spaces(r)]), 2),
        ("a huge line", HugeLine, 1),
        ("thousands of lines", ThousandsOfLines, 1),
    ];

    public static FuzzInput Next(Random random)
    {
        var (name, text) = Sources.Value[random.Next(Sources.Value.Count)];
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var applied = new List<string>();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var (what, apply, _) = Pick(random);
            apply(lines, random);
            applied.Add(what);
        }
        var ending = random.Next(8) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };
        var page = (random.Next(6) == 0 ? "\uFEFF" : "") + new StringBuilder().AppendJoin(ending, lines);
        var how = $"{name}: {string.Join(", ", applied)}{(ending == "\n" ? "" : ending == "\r" ? ", CR line endings" : ", CRLF line endings")}";
        var code = RandomPages.Code(random);
        return random.Next(3) == 0
            ? FuzzInput.OfText(how, "fuzz.txt", code, page)
            : FuzzInput.OfBytes(how, "fuzz.txt", code, Encoding.UTF8.GetBytes(page));
    }

    private static (string, Mutation, int) Pick(Random random)
    {
        var roll = random.Next(Mutations.Sum(m => m.Weight));
        foreach (var m in Mutations)
            if ((roll -= m.Weight) < 0) return m;
        throw new InvalidOperationException("weights");
    }

    /// <summary>Replaces some lines (about one in <paramref name="oneIn"/>) by what <paramref name="change"/> makes of them.</summary>
    private static void Each(List<string> lines, Random random, int oneIn, Func<string, string[]> change)
    {
        var result = lines.SelectMany(l => random.Next(oneIn) == 0 ? change(l) : [l]).ToList();
        lines.Clear();
        lines.AddRange(result);
    }

    private static void Shuffle(List<string> lines, Random random)
    {
        if (lines.Count < 2) return;
        var from = random.Next(2) == 0 ? 0 : random.Next(lines.Count);
        var count = random.Next(1, lines.Count - from + 1);
        var window = lines.GetRange(from, count).OrderBy(_ => random.Next()).ToList();
        lines.RemoveRange(from, count);
        lines.InsertRange(from, window);
    }

    private static bool LooksLikeHeading(string line)
    {
        var text = line.Trim();
        return SectionRules.MatchHeading(text) is not null || SectionRules.MatchSubHeading(text) is not null
               || text.StartsWith(SectionRules.NameLabel, StringComparison.OrdinalIgnoreCase)
               || SectionRules.CodeSystems.Any(c => text.StartsWith(c.Line, StringComparison.OrdinalIgnoreCase))
               || SectionRules.CommonNamesLabels.Concat(SectionRules.TechnicalTermLabels).Any(l => text.StartsWith(l, StringComparison.OrdinalIgnoreCase));
    }

    private static void MangleHeadings(List<string> lines, Random random)
    {
        for (var i = 0; i < lines.Count; i++)
            if (LooksLikeHeading(lines[i]) && random.Next(2) == 0)
                lines[i] = Mangle(lines[i], random);
    }

    private static string Mangle(string line, Random random) => random.Next(10) switch
    {
        0 => line.ToUpperInvariant(),
        1 => line.ToLowerInvariant(),
        2 => new string(line.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()),
        3 => line + new[] { ":", "::", " :", ".", "?", "!", ":\t", "…" }[random.Next(8)],
        4 => line.TrimEnd(':', '?').TrimEnd(),
        5 => line.Replace(" ", random.Next(2) == 0 ? "  " : "\u00A0", StringComparison.Ordinal),
        6 => line.Length > 1 ? line[..random.Next(1, line.Length)] : line,
        7 => Spaces(random) + line + Spaces(random),
        8 => new[] { "- ", "• ", "1. ", "# ", "**" }[random.Next(5)] + line.Trim(),
        _ => line.Insert(random.Next(line.Length + 1), new[] { "\u200B", "\uFEFF", "-", "'", "\u00AD" }[random.Next(5)]),
    };

    private static string Spaces(Random random) => new[] { "", " ", "  ", "\t", " \t ", "\u00A0", "\u3000" }[random.Next(7)];

    /// <summary>One line of 100 KB to 1 MB, in shapes that make regular expressions and splits work hardest.</summary>
    private static void HugeLine(List<string> lines, Random random)
    {
        var size = random.Next(100_000, 1_000_000);
        var line = random.Next(6) switch
        {
            0 => "1." + new string(' ', size),
            1 => "  •" + new string('\t', size) + "x",
            2 => new string(' ', size) + "Summary:",
            3 => "Common Name(s): " + string.Concat(Enumerable.Repeat("a (b, ", size / 6)),
            4 => string.Concat(Enumerable.Repeat("the procedure involves a catheter ", size / 34)),
            _ => new string('*', size / 2) + new string('[', size / 2),
        };
        lines.Insert(random.Next(lines.Count + 1), line);
    }

    /// <summary>The page repeated, or thousands of short lines (headings among them) put in.</summary>
    private static void ThousandsOfLines(List<string> lines, Random random)
    {
        if (random.Next(2) == 0)
        {
            // At most about 1.5 million characters, under the importer's 2 MB cap on a file.
            var copy = lines.ToList();
            var size = Math.Max(1, copy.Sum(l => l.Length + 1));
            for (var n = Math.Min(random.Next(10, 60), 1_500_000 / size); n > 0; n--) lines.AddRange(copy);
            return;
        }
        var extra = Enumerable.Range(0, random.Next(2_000, 10_000)).Select(_ => random.Next(5) switch
        {
            0 => "",
            1 => Inserts[random.Next(Inserts.Length)],
            2 => SectionRules.InCanonicalOrder[random.Next(SectionRules.InCanonicalOrder.Count)].Title,
            _ => "  • item " + random.Next(1000),
        });
        lines.InsertRange(random.Next(lines.Count + 1), extra);
    }
}
