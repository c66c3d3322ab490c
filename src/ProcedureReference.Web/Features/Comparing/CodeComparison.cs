using ProcedureReference.Codes;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.CodePages;
using ProcedureReference.Web.Features.Searching;

namespace ProcedureReference.Web.Features.Comparing;

/// <summary>
/// /compare and /api/compare: 2 to <see cref="MaxCodes"/> codes side by side, one row per section kind, so an
/// initial and a repeat session, or one side and both, read against each other. Both answers come from here.
/// </summary>
public static class CodeComparison
{
    public const int MinCodes = 2;
    public const int MaxCodes = 4;

    /// <summary>More than this much of ?codes= is not read: four codes and their commas are far shorter.</summary>
    private const int MaxInputChars = 200;

    /// <summary>The codes named in ?codes= ('37187,37188'), as typed (bounded, without control characters), duplicates dropped.</summary>
    public static IReadOnlyList<string> Named(string? codes) =>
        (SearchText.Limit(codes, MaxInputChars) ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => CodePageLookup.Echo(c))
            .DistinctBy(c => ProcedureCode.TryParse(c, out var code) ? code.ToString() : c, StringComparer.Ordinal)
            .ToList();

    /// <summary>Why <paramref name="named"/> cannot be compared (too few or too many codes), or null when it can.</summary>
    public static string? Problem(IReadOnlyList<string> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        return named.Count switch
        {
            < MinCodes => $"Name {MinCodes} to {MaxCodes} codes to compare, separated by commas (for example 37187,37188).",
            > MaxCodes => $"Up to {MaxCodes} codes can be compared at once; {named.Count} were named.",
            _ => null,
        };
    }

    /// <summary>The pages of <paramref name="named"/> the reference holds, in the order named, the others listed as unknown.</summary>
    public static async Task<Comparison> RunAsync(IContentReader reader, IReadOnlyList<string> named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(named);
        var pages = new List<CodePage>();
        var unknown = new List<string>();
        foreach (var text in named)
        {
            var page = ProcedureCode.TryParse(text, out var code) ? await CodePageLookup.FindAsync(reader, code.ToString(), cancellationToken) : null;
            if (page is null) unknown.Add(text);
            else pages.Add(page);
        }
        return new Comparison(
            pages.Select(p => new ComparedPage(p.Code, p.System, p.PlainName, p.Title, ProcedureCode.PathOf(p.Code))).ToList(),
            unknown,
            Rows(pages));
    }

    /// <summary>One row for each section kind any of the pages has, in page order; a page without it has an empty cell.</summary>
    private static List<ComparisonRow> Rows(List<CodePage> pages)
    {
        var kinds = pages.SelectMany(p => p.Sections).Where(s => s.Markdown.Length > 0).Select(s => s.Kind)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(k => SectionKindNames.TryParse(k, out var kind) ? (int)kind : int.MaxValue)
            .ToList();
        return kinds.Select(kind => new ComparisonRow(
                kind,
                SectionKindNames.TryParse(kind, out var parsed) ? SectionRules.TitleOf(parsed) : kind,
                pages.Select(p => Cell(p, kind)).ToList()))
            .ToList();
    }

    private static ComparisonCell Cell(CodePage page, string kind)
    {
        // A page may have more than one section of a kind ('other'): they read as one cell.
        var sections = page.Sections.Where(s => s.Kind == kind && s.Markdown.Length > 0).ToList();
        return sections.Count == 0
            ? new ComparisonCell(page.Code, null, null)
            : new ComparisonCell(page.Code, string.Join("\n\n", sections.Select(s => s.Markdown)), string.Concat(sections.Select(s => s.Html)));
    }
}

/// <summary>What /compare shows and /api/compare answers. <paramref name="Unknown"/>: the named codes the reference does not hold, as named.</summary>
public sealed record Comparison(IReadOnlyList<ComparedPage> Pages, IReadOnlyList<string> Unknown, IReadOnlyList<ComparisonRow> Rows);

/// <summary>A compared page: <paramref name="Name"/> is the name people use where the page gives one, <paramref name="Title"/> the official descriptor.</summary>
public sealed record ComparedPage(string Code, string System, string Name, string Title, string Url);

/// <summary>One section kind across the pages, a cell per page in the order of <see cref="Comparison.Pages"/>.</summary>
public sealed record ComparisonRow(string Kind, string Title, IReadOnlyList<ComparisonCell> Cells);

/// <summary>A page's text for a row; <paramref name="Markdown"/> and <paramref name="Html"/> are null when the page has no such section.</summary>
public sealed record ComparisonCell(string Code, string? Markdown, string? Html);
