using ProcedureReference.Parsing;

namespace ProcedureReference.Tests.Parsing;

/// <summary>
/// Runs every example of every spec file in Specs/. An expected outline lists header fields
/// ('code: 37188', 'common: A | B', 'warning: words', 'no warnings'), then every section in order as
/// 'kind: first words of its text' (or 'kind [Heading]: ...' to check the heading kept).
/// </summary>
public class SpecTests
{
    [Theory]
    [MemberData(nameof(SpecExample.Names), MemberType = typeof(SpecExample))]
    public void Example_parses_to_its_outline(string example)
    {
        var spec = SpecExample.Named(example);
        var page = PageParser.Parse(spec.FileName, spec.Input);
        var expectedSections = new List<string>();

        foreach (var line in spec.Expected)
        {
            var (key, value) = Split(line);
            switch (key)
            {
                case "code": Assert.Equal(value, page.Code); break;
                case "system": Assert.Equal(value, page.System); break;
                case "title": Assert.Equal(value, page.Title); break;
                case "name": Assert.Equal(value, page.Name); break;
                case "term": Assert.Equal(value, page.TechnicalTerm); break;
                case "common": Assert.Equal(value.Split(" | "), page.CommonNames); break;
                case "warning": Assert.Contains(page.Warnings, w => w.Contains(value, StringComparison.OrdinalIgnoreCase)); break;
                case "error": Assert.Contains(page.Errors, e => e.Contains(value, StringComparison.OrdinalIgnoreCase)); break;
                case "no warnings": Assert.Empty(page.Warnings); break;
                default: expectedSections.Add(line); break;
            }
        }
        if (expectedSections.Count == 0) return;

        var actual = page.Sections.Select(Describe).ToList();
        Assert.True(expectedSections.Count == actual.Count,
            $"expected {expectedSections.Count} sections, parsed {actual.Count}:\n{string.Join('\n', actual)}");
        for (var i = 0; i < actual.Count; i++)
        {
            var (kind, words) = Split(expectedSections[i]);
            var section = page.Sections[i];
            var heading = HeadingIn(kind);
            Assert.True(KindPart(kind) == section.Kind.ToName() && (heading is null || heading == section.Heading),
                $"section {i + 1}: expected '{expectedSections[i]}', parsed '{actual[i]}'");
            Assert.True(Normalize(MarkdownWriter.PlainText(section.Markdown)).StartsWith(Normalize(words), StringComparison.Ordinal),
                $"section {i + 1} ({kind}) should start with '{words}' but is:\n{section.Markdown}");
        }
    }

    private static string Describe(ParsedSection s) =>
        $"{s.Kind.ToName()}{(s.Heading is null ? "" : $" [{s.Heading}]")}: {Normalize(MarkdownWriter.PlainText(s.Markdown))[..Math.Min(60, Normalize(MarkdownWriter.PlainText(s.Markdown)).Length)]}";

    private static (string Key, string Value) Split(string line)
    {
        var bracket = line.IndexOf(']', StringComparison.Ordinal);
        var colon = line.IndexOf(':', bracket < 0 ? 0 : bracket);
        return colon < 0 ? (line.Trim(), "") : (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    private static string KindPart(string key) => key.Split(' ', 2)[0];

    private static string? HeadingIn(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? null : key[(open + 1)..key.LastIndexOf(']')];
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
