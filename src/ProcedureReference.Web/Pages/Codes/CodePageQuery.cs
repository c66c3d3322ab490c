using Microsoft.EntityFrameworkCore;
using ProcedureReference.Parsing;
using ProcedureReference.Storage;
using ProcedureReference.Storage.Entities;

namespace ProcedureReference.Web.Pages.Codes;

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
}

public sealed record CodeSection(string Kind, string Anchor, string Title, string? Heading, string Markdown, string Html)
{
    public string PlainText => MarkdownWriter.PlainText(Markdown);
}

public sealed record CodeLink(string Code, string Title);

/// <summary>A similar code; <paramref name="InReference"/> is false for a code a page lists that the reference does not hold (shown as text, not a link).</summary>
public sealed record SimilarLink(string Code, string Title, double Score, string Reason, string Source, bool InReference);

public static class CodePageQuery
{
    private static readonly Func<ReferenceDb, string, Task<Page?>> PageByCode =
        EF.CompileAsyncQuery((ReferenceDb db, string code) =>
            db.Pages.AsNoTracking()
                .Include(p => p.Sections.OrderBy(s => s.Position))
                .Include(p => p.SimilarCodes.OrderBy(s => s.Position))
                .AsSplitQuery()
                .FirstOrDefault(p => p.Code == code));

    private static readonly Func<ReferenceDb, int, Task<CodeLink?>> LinkByOrdinal =
        EF.CompileAsyncQuery((ReferenceDb db, int ordinal) =>
            db.Pages.AsNoTracking().Where(p => p.Ordinal == ordinal).Select(p => new CodeLink(p.Code, p.Title)).FirstOrDefault());

    public static async Task<CodePage?> FindAsync(ReferenceDb db, string code)
    {
        var page = await PageByCode(db, code);
        if (page is null) return null;
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var sections = page.Sections.Select(s => new CodeSection(
            s.Kind, UniqueAnchor(s.Kind, anchors), TitleOf(s), s.Heading, s.Markdown, s.Html)).ToList();
        var similar = await SimilarLinksAsync(db, page.SimilarCodes);
        if (similar.Any(s => s.Source == ProcedureReference.Similarity.SimilarCodeSources.Page))
            sections.RemoveAll(s => s.Kind == SectionKind.SimilarCodes.ToName()); // the block shows what the section listed
        return new CodePage(page.Code, page.System, page.Title, page.Name, page.CommonNameList, page.TechnicalTerm,
            sections, await LinkByOrdinal(db, page.Ordinal - 1), await LinkByOrdinal(db, page.Ordinal + 1), similar);
    }

    private static async Task<List<SimilarLink>> SimilarLinksAsync(ReferenceDb db, List<SimilarCode> similar)
    {
        if (similar.Count == 0) return [];
        var codes = similar.Select(s => s.Code).ToList();
        var present = (await db.Pages.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        return similar.Select(s => new SimilarLink(s.Code, s.Title, s.Score, s.Reason, s.Source, present.Contains(s.Code))).ToList();
    }

    private static string TitleOf(Section section) =>
        SectionKindNames.TryParse(section.Kind, out var kind) && kind != SectionKind.Other
            ? SectionRules.TitleOf(kind)
            : section.Heading ?? "More information";

    /// <summary>Stable anchors: the kind's name (#risks), with -2, -3 for a kind that appears again.</summary>
    private static string UniqueAnchor(string kind, HashSet<string> used)
    {
        var anchor = kind;
        for (var n = 2; !used.Add(anchor); n++) anchor = $"{kind}-{n}";
        return anchor;
    }
}
