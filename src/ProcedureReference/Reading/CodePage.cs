using ProcedureReference.Parsing;

namespace ProcedureReference.Reading;

/// <summary>A code's page as readers and the API see it. The HTML page and /api/codes/{code} both come from here.</summary>
public sealed record CodePage(
    string Code,
    string System,
    string Title,
    string? Name,
    IReadOnlyList<string> CommonNames,
    string? TechnicalTerm,
    IReadOnlyList<CodeSection> Sections,
    CodeLink? Previous,
    CodeLink? Next,
    IReadOnlyList<SimilarLink> Similar)
{
    public string? Summary => Sections.FirstOrDefault(s => s.Kind == SectionKind.Summary.ToName())?.PlainText;

    /// <summary>The Flesch-Kincaid grade of the page's explanation (<see cref="ReadingGrade"/>), computed at import; null for content imported before grades were.</summary>
    public double? ReadingGrade { get; init; }
}

public sealed record CodeSection(string Kind, string Anchor, string Title, string? Heading, string Markdown, string Html)
{
    public string PlainText => MarkdownWriter.PlainText(Markdown);

    /// <summary>The Flesch-Kincaid grade of the section's text, computed at import; null for a section with no words.</summary>
    public double? ReadingGrade { get; init; }
}

public sealed record CodeLink(string Code, string Title);

/// <summary>A similar code; <paramref name="InReference"/> is false for a code a page lists that the reference does not hold (shown as text, not a link).</summary>
public sealed record SimilarLink(string Code, string Title, double Score, string Reason, string Source, bool InReference);
