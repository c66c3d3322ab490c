using ProcedureReference.Reading;
using ProcedureReference.Rendering;

namespace ProcedureReference.Web.Features.CodePages;

/// <summary>A code page with its glossary terms marked in its sections, and the terms it uses ('Words to know').</summary>
public sealed record GlossedPage(CodePage Page, IReadOnlyList<GlossaryEntry> Terms);

/// <summary>
/// The glossary part of the code page query, shared by /codes/{code} (the marked sections and the 'Words to know'
/// box) and /api/codes/{code} (<c>glossary</c>: the same terms), read from the same version as the page.
/// </summary>
public static class CodePageGlossary
{
    public static async Task<GlossedPage> ApplyAsync(IContentReader reader, CodePage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(page);
        var glossary = await reader.GlossaryAsync(cancellationToken);
        var marked = GlossaryMarking.Mark(page.Sections.Select(s => s.Html).ToList(), glossary);
        var sections = page.Sections.Select((section, i) => section with { Html = marked.Html[i] }).ToList();
        return new GlossedPage(page with { Sections = sections }, marked.Terms);
    }
}
