namespace ProcedureReference.Parsing;

/// <summary>One section of a page: its kind, the heading the page gave it (null where the scraper dropped it), its body as Markdown.</summary>
public sealed record ParsedSection(SectionKind Kind, string? Heading, string Markdown);

/// <summary>
/// What one page file becomes. A page with errors is not imported; warnings are reported and the page imports.
/// </summary>
public sealed record ParsedPage(
    string File,
    string? Code,
    string? System,
    string? Title,
    string? Name,
    IReadOnlyList<string> CommonNames,
    string? TechnicalTerm,
    IReadOnlyList<ParsedSection> Sections,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors)
{
    public bool IsUsable => Errors.Count == 0 && Code is not null;

    public static ParsedPage Failed(string file, string error) =>
        new(file, null, null, null, null, [], null, [], [], [error]);
}
