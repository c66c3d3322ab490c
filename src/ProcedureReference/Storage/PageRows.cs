using ProcedureReference.Parsing;
using ProcedureReference.Rendering;

namespace ProcedureReference.Storage;

/// <summary>
/// What a page's rows hold beyond the parsed page itself: each section's HTML and the search index's text per
/// column. Computed from the page alone, so the importer makes them on its worker threads, off the writer's.
/// </summary>
public sealed class PageRows
{
    private PageRows(IReadOnlyList<string> sectionHtml, IReadOnlyList<object?> searchColumns)
    {
        SectionHtml = sectionHtml;
        SearchColumns = searchColumns;
    }

    /// <summary>One HTML fragment per section, in section order.</summary>
    public IReadOnlyList<string> SectionHtml { get; }

    /// <summary>The values of <see cref="Storage.SearchColumns.All"/>, in order: title, names, then each section kind's plain text.</summary>
    public IReadOnlyList<object?> SearchColumns { get; }

    public static PageRows Of(ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new string[page.Sections.Count];
        var kindText = new string?[Enum.GetValues<SectionKind>().Length];
        for (var position = 0; position < page.Sections.Count; position++)
        {
            var section = page.Sections[position];
            html[position] = Rendering.SectionHtml.Render(section.Markdown);
            var text = MarkdownWriter.PlainText(section.Markdown);
            var k = (int)section.Kind;
            kindText[k] = kindText[k] is null ? text : kindText[k] + "\n" + text;
        }
        var names = string.Join('\n', new[] { page.Name, page.TechnicalTerm }.Concat(page.CommonNames).Where(n => !string.IsNullOrEmpty(n)));
        return new PageRows(html, [page.Title, names, .. kindText]);
    }
}
