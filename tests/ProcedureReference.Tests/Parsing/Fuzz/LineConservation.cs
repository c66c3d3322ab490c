using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ProcedureReference.Parsing;

namespace ProcedureReference.Tests.Parsing.Fuzz;

/// <summary>
/// The parser's promise that nothing is lost, stated exactly. A page's lines are its text split at CRLF, CR
/// and LF (one leading BOM dropped); a line is compared as the text it carries: trimmed, without a list
/// marker ('•', '-', '1.'), runs of white space as one space, NUL as U+FFFD (as Markdig, the reader of the
/// stored Markdown, shows it). For a page the parser accepts:
/// <list type="bullet">
/// <item>the body is a suffix of the page's non-blank lines that equals, line for line and in order, the
/// sections' headings and the lines Markdig reads back from their Markdown;</item>
/// <item>every line above the body is site chrome (dropped on purpose), a header label ('CPT4 code',
/// 'Name of the Procedure:', 'Common Name(s): ...', 'Technical/Medical Term: ...') whose value is the field
/// it labels, or the title or the name, and each header field comes from exactly one such line.</item>
/// </list>
/// So every non-blank line lands exactly once: a dropped, duplicated or reordered body line breaks the
/// first rule, a header line in no field breaks the second. A page the parser refuses says why, with no sections.
/// </summary>
public static partial class LineConservation
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Null when the promise holds for <paramref name="text"/> parsed as <paramref name="page"/>; else what broke it.</summary>
    public static string? Check(string text, ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.IsUsable)
            return page.Errors.Count > 0 && page.Sections.Count == 0 ? null : "a refused page must say why and hold no sections";

        var raw = Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var lines = raw.Select(Normalize).ToList();
        var body = new List<string>();
        foreach (var section in page.Sections)
        {
            if (section.Heading is not null) body.Add(Normalize(section.Heading));
            foreach (var read in ReadBack(section.Markdown))
            {
                if (read.Problem is not null) return $"section '{section.Kind.ToName()}': {read.Problem}\n{section.Markdown}";
                body.Add(read.Text);
            }
        }

        var headerLength = lines.Count - body.Count;
        if (headerLength < 0)
            return $"the sections hold {body.Count} lines but the page has only {lines.Count} non-blank lines";
        for (var i = body.Count - 1; i >= 0; i--)
        {
            if (body[i] == lines[headerLength + i]) continue;
            return $"body line {i + 1} of {body.Count} differs (counted back from the end, the first difference):\n" +
                   $"  page:     {Show(lines[headerLength + i])}\n  sections: {Show(body[i])}";
        }
        return CheckHeader(raw.Take(headerLength).ToList(), page);
    }

    /// <summary>The page's lines as the parser is promised to see them.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        return LineBreak().Split(text);
    }

    /// <summary>Labels and chrome are matched as the parser matches them, on the trimmed line; values as the text they carry.</summary>
    private static string? CheckHeader(List<string> header, ParsedPage page)
    {
        var title = page.Warnings.Any(w => w.StartsWith("no descriptor line", StringComparison.Ordinal)) ? null : Normalize(page.Title!);
        var name = page.Name is null ? null : Normalize(page.Name);
        var term = page.TechnicalTerm is null ? null : Normalize(page.TechnicalTerm);
        // Only a page of the known layout reads a code-system line; otherwise the system comes from the code's shape.
        var knownLayout = !page.Warnings.Any(w => w.StartsWith("unknown layout", StringComparison.Ordinal));
        var systemFromPage = knownLayout && page.System is not null && !page.Warnings.Any(w => w.StartsWith("no code-system line", StringComparison.Ordinal));
        bool titleUsed = false, nameUsed = false, termUsed = false, systemUsed = false;
        var commonNames = "";

        foreach (var line in header)
        {
            // Site chrome is dropped only above the title and the code-system line; below them it is text like any other.
            if (!titleUsed && !systemUsed && SectionRules.SiteChrome.Any(c => string.Equals(c, line, StringComparison.OrdinalIgnoreCase))) continue;
            if (knownLayout && IsLabelLine(line)) continue;
            if (!titleUsed && Normalize(line) == title) { titleUsed = true; continue; }
            if (knownLayout && !nameUsed && Normalize(line) == name) { nameUsed = true; continue; }
            return $"the line {Show(line)} is in no field or section (it is above the body; title {Show(title)}, name {Show(name)}, term {Show(term)}, system {page.System ?? "(none)"})";
        }

        if (title is not null && !titleUsed) return $"the title {Show(title)} is no line of the page";
        if (name is not null && !nameUsed) return $"the name {Show(name)} is no line of the page";
        if (term is not null && !termUsed) return $"the technical term {Show(term)} is no line of the page";
        if (systemFromPage && !systemUsed) return $"the system {page.System} comes from no code-system line";
        if (commonNames != Squash(string.Concat(page.CommonNames)))
            return $"the common names [{string.Join(" | ", page.CommonNames)}] are not the page's '{commonNames}'";
        return null;

        // Labels come first: a line that starts with one fills that field if it is still empty, else it is text.
        bool IsLabelLine(string line)
        {
            if (!systemUsed && systemFromPage && CodeSystemOf(line) == page.System) return systemUsed = true;
            if (!nameUsed && AfterLabel(line, [SectionRules.NameLabel]) is { } named)
            {
                if (named.Length == 0) return true; // the bare label: the name is the line after it
                if (Normalize(named) == name) return nameUsed = true;
            }
            if (commonNames.Length == 0 && AfterLabel(line, SectionRules.CommonNamesLabels) is { } names)
            {
                commonNames = Squash(names);
                return true;
            }
            if (!termUsed && AfterLabel(line, SectionRules.TechnicalTermLabels) is { } t && Normalize(t) == term) return termUsed = true;
            return false;
        }
    }

    /// <summary>The system a code-system line names ('CPT4 code', 'CPT4 code: 93970'), else null.</summary>
    private static string? CodeSystemOf(string line)
    {
        foreach (var (label, system) in SectionRules.CodeSystems)
        {
            if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = line[label.Length..].Trim().TrimStart(':').Trim();
            if (rest.Length == 0 || ProcedureReference.Codes.ProcedureCode.IsCodeShaped(rest)) return system;
        }
        return null;
    }

    /// <summary>What follows a label, trimmed, else null.</summary>
    private static string? AfterLabel(string line, string[] labels)
    {
        foreach (var label in labels)
            if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
                return line[label.Length..].Trim();
        return null;
    }

    private readonly record struct ReadLine(string Text, string? Problem);

    /// <summary>The text lines Markdig reads from stored Markdown (headings, paragraphs, list items), never a link or raw HTML.</summary>
    private static IEnumerable<ReadLine> ReadBack(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                yield return new("", $"Markdig read a {block.GetType().Name}, which holds no page text");
                continue;
            }
            if (block.Inline.Descendants<LinkInline>().Any()) yield return new("", "a link was made from page text");
            if (block.Inline.Descendants<HtmlInline>().Any()) yield return new("", "raw HTML was made from page text");
            if (block.Inline.Descendants<Inline>().FirstOrDefault(i => i is not (LiteralInline or ContainerInline)) is { } other)
                yield return new("", $"Markdig read a {other.GetType().Name} from page text");
            yield return new(Collapse(string.Concat(block.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))), null);
        }
    }

    /// <summary>A line as the text it carries.</summary>
    public static string Normalize(string line) => Collapse(ListMarker().Replace(line.Trim(), ""));

    private static string Collapse(string text) =>
        string.Join(' ', text.Replace('\0', '\uFFFD').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A list of names without its separators, to compare with the names split from it.</summary>
    private static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is not ',' and not ';').ToArray());

    /// <summary>Text for a failure message: quoted, shortened, every character outside printable ASCII escaped.</summary>
    public static string Show(string? text) => text is null ? "(none)" : "\"" + FuzzText.Escape(text.Length > 300 ? text[..300] + "..." : text) + "\"";

    [GeneratedRegex(@"^(?:[•·●▪◦‣\-\*–]|[0-9]{1,3}[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
