using Microsoft.EntityFrameworkCore;
using ProcedureReference.Parsing;
using ProcedureReference.Storage;
using ProcedureReference.Storage.Entities;

namespace ProcedureReference.Reading;

/// <summary>
/// <see cref="IContentReader"/> over the EF model, with nothing engine-specific in it: an engine supplies the
/// <see cref="ReferenceDb"/> (over one connection per request, so its queries read one version) and turns its
/// own failures into the storage exceptions.
/// </summary>
public sealed class ReferenceDbReader(ReferenceDb db) : IContentReader
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
            db.Pages.AsNoTracking().Where(p => p.Ordinal == ordinal).Select(p => new CodeLink(p.Code, p.Title, PlainName.Of(p.Title, p.Name, p.CommonNames))).FirstOrDefault());

    public async Task<CodePage?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var page = await PageByCode(db, code);
        if (page is null) return null;
        var similar = await SimilarLinksAsync(page.SimilarCodes, cancellationToken);
        return Compose(page, similar, await LinkByOrdinal(db, page.Ordinal - 1), await LinkByOrdinal(db, page.Ordinal + 1));
    }

    /// <summary>
    /// A code page from its rows (sections and similar codes in position order), the same for every engine: an
    /// engine that reads the rows its own way (PostgreSQL, per version) composes the page here.
    /// </summary>
    internal static CodePage Compose(Page page, List<SimilarLink> similar, CodeLink? previous, CodeLink? next)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var sections = page.Sections.Select(s => new CodeSection(
            s.Kind, UniqueAnchor(s.Kind, anchors), TitleOf(s), s.Heading, s.Markdown, s.Html) { ReadingGrade = s.ReadingGrade }).ToList();
        if (similar.Any(s => s.Source == Similarity.SimilarCodeSources.Page))
            sections.RemoveAll(s => s.Kind == SectionKind.SimilarCodes.ToName()); // the block shows what the section listed
        return new CodePage(page.Code, page.System, page.Title, page.Name, page.CommonNameList, page.TechnicalTerm,
            sections, previous, next, similar) { ReadingGrade = page.ReadingGrade };
    }

    public async Task<IReadOnlyList<CatalogRow>> CatalogAsync(string? system, CancellationToken cancellationToken)
    {
        var pages = db.Pages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(system)) pages = pages.Where(p => p.System == system);
        return (await pages.OrderBy(p => p.Ordinal).Select(p => new { p.System, p.Code, p.Title, p.Name, p.CommonNames }).ToListAsync(cancellationToken))
            .Select(p => new CatalogRow(p.System, p.Code, p.Title, PlainName.Of(p.Title, p.Name, p.CommonNames))).ToList();
    }

    public async Task<IReadOnlyList<string>> CodesAsync(CancellationToken cancellationToken) =>
        await db.Pages.AsNoTracking().OrderBy(p => p.Ordinal).Select(p => p.Code).ToListAsync(cancellationToken);

    public Task<int> PageCountAsync(CancellationToken cancellationToken) => db.Pages.CountAsync(cancellationToken);

    public async Task<Glossary> GlossaryAsync(CancellationToken cancellationToken) =>
        Glossary.FromJson(await db.ContentInfo.AsNoTracking()
            .Where(i => i.Key == Glossary.ContentInfoKey).Select(i => i.Value).FirstOrDefaultAsync(cancellationToken));

    private async Task<List<SimilarLink>> SimilarLinksAsync(List<SimilarCode> similar, CancellationToken cancellationToken)
    {
        if (similar.Count == 0) return [];
        var codes = similar.Select(s => s.Code).ToList();
        var present = (await db.Pages.Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, p.Title, p.Name, p.CommonNames }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Code, p => PlainName.Of(p.Title, p.Name, p.CommonNames), StringComparer.Ordinal);
        return similar.Select(s => new SimilarLink(s.Code, s.Title, present.GetValueOrDefault(s.Code, s.Title), s.Score, s.Reason, s.Source,
            present.ContainsKey(s.Code))).ToList();
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
