using System.Text;
using ProcedureReference.Parsing;

namespace ProcedureReference.Tests.Parsing.Fuzz;

/// <summary>
/// Pages made from nothing: random bytes, and random Unicode built from the pieces that break text handling
/// (surrogates, right-to-left and zero-width marks, NUL, every line ending, BOMs) mixed with the words the
/// parser looks for (headings, labels, list markers, Markdown syntax).
/// </summary>
public static class RandomPages
{
    private static readonly string[] Odd =
    [
        "\0", "\u0001", "\u001B", "\u001F", "\u007F", "\u0085", "\u000B", "\u000C", "\t", "\u00A0", "\u2028", "\u2029", "\u3000",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u061C",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "e\u0301", "\u0301",
        "\uFFFD", "\uFFFE", "\uFFFF", "שלום", "مرحبا بك", "Ωμέγα", "日本語", "ǅ", "İ", "ß", "ﬁ",
    ];

    private static readonly string[] Syntax =
    [
        "#", "##", "###", "*", "**", "_", "`", "```", "~~~", "[", "]", "](", "(javascript:alert(1))", "<", ">", "</p>", "<script>",
        "&", "&amp;", "&#0;", "!", "|", "~", "-", "+", "=", "===", "---", "1.", "2)", "123.", "1234.", "\\", ":", "?", ",", ";",
        "•", "·", "●", "▪", "◦", "‣", "–", "  • ", "  1. ", "- ", "* ",
    ];

    private static readonly string[] LineEnds = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n\n\n", "\r\r"];

    private static readonly string[] Words = [.. ParserWords(), "the", "patient", "procedure", "a", "is", "of", "and", "Search all medical codes"];

    private static IEnumerable<string> ParserWords()
    {
        foreach (var rule in SectionRules.InCanonicalOrder)
        {
            foreach (var h in rule.Headings) yield return h;
            foreach (var h in rule.SubHeadings) yield return h;
            foreach (var c in rule.Cues) yield return c;
            foreach (var p in rule.HeadingPrefixes ?? []) yield return p;
        }
        foreach (var (line, _) in SectionRules.CodeSystems) { yield return line; yield return line + " 37188"; }
        yield return SectionRules.NameLabel;
        foreach (var l in SectionRules.CommonNamesLabels) yield return l;
        foreach (var l in SectionRules.TechnicalTermLabels) yield return l;
    }

    /// <summary>Random Unicode text, handed over as a string or encoded as a file would be.</summary>
    public static FuzzInput Unicode(Random random)
    {
        var text = UnicodeText(random, random.Next(4) == 0 ? 4000 : 400);
        var code = Code(random);
        return random.Next(10) switch
        {
            < 5 => FuzzInput.OfText("random Unicode, as a string", "fuzz.txt", code, text),
            < 8 => FuzzInput.OfBytes("random Unicode, as UTF-8", "fuzz.txt", code, Encoding.UTF8.GetBytes(text)),
            8 => FuzzInput.OfBytes("random Unicode, as UTF-16 with its BOM", "fuzz.txt", code,
                [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]),
            _ => FuzzInput.OfBytes("random Unicode, as Latin-1", "fuzz.txt", code, Encoding.Latin1.GetBytes(text)),
        };
    }

    public static string UnicodeText(Random random, int maxTokens)
    {
        var sb = new StringBuilder();
        if (random.Next(4) == 0) sb.Append('\uFEFF');
        var tokens = random.Next(maxTokens);
        for (var i = 0; i < tokens; i++)
        {
            sb.Append(random.Next(20) switch
            {
                < 6 => Words[random.Next(Words.Length)],
                < 9 => " ",
                < 12 => LineEnds[random.Next(LineEnds.Length)],
                < 14 => Syntax[random.Next(Syntax.Length)],
                < 16 => Odd[random.Next(Odd.Length)],
                < 18 => ((char)random.Next(0x20, 0x7F)).ToString(),
                _ => ((char)random.Next(0, 0x10000)).ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Random bytes: pure noise, text with bad bytes in it, and UTF-16 with a BOM.</summary>
    public static FuzzInput Bytes(Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(65_536) : random.Next(2_000);
        var bytes = new byte[length];
        string how;
        switch (random.Next(4))
        {
            case 0:
                random.NextBytes(bytes);
                how = "random bytes";
                break;
            case 1:
                for (var i = 0; i < length; i++)
                    bytes[i] = random.Next(12) switch { 0 => (byte)random.Next(0x80, 0x100), 1 => (byte)'\n', 2 => (byte)'\r', 3 => (byte)random.Next(0x01, 0x20), _ => (byte)random.Next(0x20, 0x7F) };
                how = "text bytes with bad bytes in them";
                break;
            case 2:
                bytes = Encoding.UTF8.GetBytes(UnicodeText(random, 300));
                for (var flips = random.Next(1, 8); flips > 0 && bytes.Length > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                how = "UTF-8 text with bytes changed";
                break;
            default:
                random.NextBytes(bytes);
                if (bytes.Length >= 2) (bytes[0], bytes[1]) = random.Next(2) == 0 ? ((byte)0xFF, (byte)0xFE) : ((byte)0xFE, (byte)0xFF);
                how = "random bytes after a UTF-16 BOM";
                break;
        }
        return FuzzInput.OfBytes(how, random.Next(2) == 0 ? "fuzz.txt" : "37188.txt", Code(random), bytes);
    }

    /// <summary>The code codes.csv gives the page: mostly one, sometimes none or an odd one.</summary>
    public static string? Code(Random random) => random.Next(10) switch
    {
        < 6 => "12345",
        < 8 => null,
        8 => " j1100 ",
        _ => " ",
    };
}
