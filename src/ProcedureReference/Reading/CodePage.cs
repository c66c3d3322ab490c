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

    /// <summary>The heading a reader sees (see <see cref="Reading.PlainName"/>); the descriptor stays in <see cref="Title"/>.</summary>
    public string PlainName => Reading.PlainName.Of(Title, Name, CommonNames);

    /// <summary>The Flesch-Kincaid grade of the page's explanation (<see cref="ReadingGrade"/>), computed at import; null for content imported before grades were.</summary>
    public double? ReadingGrade { get; init; }
}

public sealed record CodeSection(string Kind, string Anchor, string Title, string? Heading, string Markdown, string Html)
{
    public string PlainText => MarkdownWriter.PlainText(Markdown);

    /// <summary>
    /// False for a section with nothing to read: empty, or only the site's question-form sub-headings ('Medical
    /// Policies' holding only 'Related policies from health plans'). Such a section is neither shown nor listed.
    /// </summary>
    public bool HasBody => Markdown.Split('\n').Any(line => line.Trim().Length > 0 && !line.StartsWith('#'));

    /// <summary>The Flesch-Kincaid grade of the section's text, computed at import; null for a section with no words.</summary>
    public double? ReadingGrade { get; init; }
}

/// <summary>A link to another page: its code, descriptor and plain name (what a listing shows, with the code).</summary>
public sealed record CodeLink(string Code, string Title, string PlainName);

/// <summary>
/// A similar code; <paramref name="InReference"/> is false for a code a page lists that the reference does not hold
/// (shown as text, not a link), and then <paramref name="PlainName"/> is the title the page listed.
/// </summary>
public sealed record SimilarLink(string Code, string Title, string PlainName, double Score, string Reason, string Source, bool InReference);
