using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Rendering;

namespace ProcedureReference.Storage;

/// <summary>
/// What a page's rows hold beyond the parsed page itself: each section's HTML and reading grade, the page's reading
/// grade, and the search index's text per column. Computed from the page alone, so the importer makes them on its worker threads, off the writer's.
/// </summary>
public sealed class PageRows
{
    /// <summary>
    /// Sections that are lists of other codes and of health plans' policy titles, not text the reader reads as the
    /// explanation: they have a grade of their own but do not count in the page's.
    /// </summary>
    private static readonly SectionKind[] NotInPageGrade = [SectionKind.Policies, SectionKind.SimilarCodes];

    private PageRows(IReadOnlyList<string> sectionHtml, IReadOnlyList<double?> sectionGrades, double? pageGrade, double? summaryGrade,
        IReadOnlyList<object?> searchColumns)
    {
        SectionHtml = sectionHtml;
        SectionGrades = sectionGrades;
        PageGrade = pageGrade;
        SummaryGrade = summaryGrade;
        SearchColumns = searchColumns;
    }

    /// <summary>One HTML fragment per section, in section order.</summary>
    public IReadOnlyList<string> SectionHtml { get; }

    /// <summary>Each section's Flesch-Kincaid grade (<see cref="ReadingGrade.Of"/>), in section order; null for a section with no words.</summary>
    public IReadOnlyList<double?> SectionGrades { get; }

    /// <summary>The grade of the page's explanation as a whole: every section's text together, but the lists of <see cref="NotInPageGrade"/>.</summary>
    public double? PageGrade { get; }

    /// <summary>The grade of the summary (all of its text, if the page has more than one); null for a page without one.</summary>
    public double? SummaryGrade { get; }

    /// <summary>The values of <see cref="Storage.SearchColumns.All"/>, in order: title, names, then each section kind's plain text.</summary>
    public IReadOnlyList<object?> SearchColumns { get; }

    public static PageRows Of(ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new string[page.Sections.Count];
        var grades = new double?[page.Sections.Count];
        var kindText = new string?[Enum.GetValues<SectionKind>().Length];
        // Each text is counted once: the page's and the summary's grades add up their sections' counts, which is
        // what counting the texts joined by line breaks gives (a line break ends a sentence).
        TextCount explanation = default, summary = default;
        for (var position = 0; position < page.Sections.Count; position++)
        {
            var section = page.Sections[position];
            html[position] = Rendering.SectionHtml.Render(section.Markdown);
            var text = MarkdownWriter.PlainText(section.Markdown);
            var count = ReadingGrade.CountOf(text);
            grades[position] = count.Grade;
            if (!NotInPageGrade.Contains(section.Kind)) explanation += count;
            if (section.Kind == SectionKind.Summary) summary += count;
            var k = (int)section.Kind;
            kindText[k] = kindText[k] is null ? text : kindText[k] + "\n" + text;
        }
        var names = string.Join('\n', new[] { page.Name, page.TechnicalTerm }.Concat(page.CommonNames).Where(n => !string.IsNullOrEmpty(n)));
        return new PageRows(html, grades, explanation.Grade, summary.Grade, [page.Title, names, .. kindText]);
    }
}
