using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ProcedureReference.Parsing;

namespace ProcedureReference.Tests.Parsing;

/// <summary>
/// Nothing is lost: every non-empty line of a page, except the site chrome, ends up in exactly one field or
/// section, and nothing appears that the page did not hold. Section text is read back through Markdig, so
/// the Markdown's structure and escaping are checked too.
/// </summary>
public partial class ConservationTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IEnumerable<object[]> Pages() =>
        Directory.EnumerateFiles(Path.Combine(SpecExample.RepositoryRoot(), "content"), "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(path => PageVariants.Of(Path.GetFileName(path), File.ReadAllText(path)))
            .Select(v => new object[] { v.Name, v.Text });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_line_lands_in_exactly_one_place(string variant, string text)
    {
        var page = PageParser.Parse(variant, text, manifestCode: "12345");
        Assert.True(page.IsUsable, $"{variant}: {string.Join("; ", page.Errors)}");

        // Fields and headings hold page lines as they were; section bodies are read back through Markdig.
        var remaining = new List<string>();
        if (!page.Warnings.Any(w => w.Contains("no descriptor line", StringComparison.Ordinal))) remaining.Add(Normalize(page.Title!));
        if (page.Name is not null) remaining.Add(Normalize(page.Name));
        foreach (var section in page.Sections)
        {
            if (section.Heading is not null) remaining.Add(Normalize(section.Heading));
            remaining.AddRange(LinesOf(section.Markdown).Select(CollapseSpaces));
        }

        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').Split('\n').Select(Normalize))
        {
            if (line.Length == 0 || line == "Search all medical codes") continue;
            if (remaining.Remove(line)) continue;
            if (ConsumedByHeader(line, page)) continue;
            Assert.Fail($"{variant}: the line '{line}' is in no field or section");
        }
        Assert.True(remaining.Count == 0, $"{variant}: text the page does not hold: {string.Join(" | ", remaining)}");
    }

    /// <summary>Header labels are consumed by the fields they label.</summary>
    private static bool ConsumedByHeader(string line, ParsedPage page)
    {
        if (page.System is not null && CodeSystemLine().IsMatch(line)) return true;
        if (line.Equals("Name of the Procedure:", StringComparison.OrdinalIgnoreCase)) return true;
        if (line.StartsWith("Name of the Procedure:", StringComparison.OrdinalIgnoreCase))
            return Normalize(line["Name of the Procedure:".Length..]) == page.Name;
        if (line.StartsWith("Common Name", StringComparison.OrdinalIgnoreCase))
            return Squash(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]) == Squash(string.Concat(page.CommonNames));
        if (line.StartsWith("Technical/Medical Term:", StringComparison.OrdinalIgnoreCase))
            return Normalize(line["Technical/Medical Term:".Length..]) == page.TechnicalTerm;
        return false;
    }

    /// <summary>The text lines Markdig reads from the Markdown: headings, paragraphs and list items.</summary>
    private static IEnumerable<string> LinesOf(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null) continue;
            Assert.False(block.Inline.Descendants<LinkInline>().Any(), $"a link was made from page text: {markdown}");
            Assert.False(block.Inline.Descendants<HtmlInline>().Any(), $"raw HTML was made from page text: {markdown}");
            yield return string.Concat(block.Inline.Descendants<Inline>().Select(TextOf));
        }
    }

    private static string TextOf(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        LineBreakInline => " ",
        _ => "",
    };

    /// <summary>A page line as the text it carries: without its list marker, spaces collapsed.</summary>
    private static string Normalize(string line) => CollapseSpaces(ListMarker().Replace(line.Trim(), ""));

    private static string CollapseSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is not ',' and not ';').ToArray());

    [GeneratedRegex(@"^(?:[•·●▪◦‣\-\*–]|\d{1,3}[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(CPT4?|HCPCS( Level II)?|ICD-10-(CM|PCS)) code\b", RegexOptions.IgnoreCase)]
    private static partial Regex CodeSystemLine();
}
