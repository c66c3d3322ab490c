using ProcedureReference.Parsing;

namespace ProcedureReference.Similarity;

/// <summary>
/// A section's text for reading terms: its Markdown without the template's sub-headings (escapes and list marks
/// are punctuation to the term reader, so it reads the same words as the plain text, without making that copy);
/// the similar-codes list as plain text, since its codes and titles are parsed.
/// </summary>
public readonly record struct SectionText(SectionKind Kind, string Text);

/// <summary>
/// What the similarity index needs of one page: the database id the results are written under, the code and
/// descriptor, the names, and the sections' plain text by kind. The builder keeps none of the text.
/// </summary>
public sealed record SimilarityPage(
    int Id,
    string Code,
    string System,
    string Title,
    IReadOnlyList<string> Names,
    IReadOnlyList<SectionText> Sections)
{
    private const string SubHeadingMark = "### ";

    /// <summary>The similarity input of a usable parsed page stored under <paramref name="id"/>.</summary>
    public static SimilarityPage From(int id, ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.IsUsable) throw new ArgumentException($"{page.File} has errors and is not imported", nameof(page));
        var names = new List<string>(page.CommonNames.Count + 2);
        if (!string.IsNullOrWhiteSpace(page.Name)) names.Add(page.Name);
        if (!string.IsNullOrWhiteSpace(page.TechnicalTerm)) names.Add(page.TechnicalTerm);
        names.AddRange(page.CommonNames);
        var sections = page.Sections.Select(s => new SectionText(s.Kind,
            s.Kind == SectionKind.SimilarCodes ? MarkdownWriter.PlainText(s.Markdown) : WithoutSubHeadings(s.Markdown))).ToList();
        return new SimilarityPage(id, page.Code!, page.System ?? Codes.ProcedureCode.SystemFromShape(page.Code!),
            page.Title ?? page.Name ?? page.Code!, names, sections);
    }

    /// <summary>
    /// Sub-headings ('Pre-procedure instructions for the patient:') are the template's words, on every page
    /// that has them; they would make pages of the same layout look alike.
    /// </summary>
    private static string WithoutSubHeadings(string markdown)
    {
        if (!markdown.Contains(SubHeadingMark, StringComparison.Ordinal)) return markdown;
        return string.Join('\n', markdown.Split('\n').Where(l => !l.StartsWith(SubHeadingMark, StringComparison.Ordinal)));
    }
}
