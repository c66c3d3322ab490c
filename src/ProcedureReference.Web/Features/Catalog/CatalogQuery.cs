using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Web.Features.Catalog;

public sealed record CatalogEntry(string System, string Code, string Title, string PlainName, CodeCategory? Category)
{
    public string CategoryName => Category?.Section ?? CatalogQuery.Uncategorised;
}

public sealed record CategoryCount(string Name, int Count);

public sealed record SystemGroup(string System, IReadOnlyList<CategoryCount> Categories)
{
    public int Count => Categories.Sum(c => c.Count);
}

/// <summary>
/// Every code with its category, for /browse and the home page. Categories are computed from code numbers
/// (content/cpt-ranges.csv), not stored: one pass over (system, code, title).
/// </summary>
public static class CatalogQuery
{
    public const string Uncategorised = "Other codes";

    public static async Task<List<CatalogEntry>> EntriesAsync(IContentReader reader, CodeCategories categories, string? system, CancellationToken cancellationToken) =>
        (await reader.CatalogAsync(system, cancellationToken))
            .Select(p => new CatalogEntry(p.System, p.Code, p.Title, p.PlainName, categories.Find(p.System, p.Code)))
            .ToList();

    public static List<SystemGroup> Group(IEnumerable<CatalogEntry> entries) =>
        entries.GroupBy(e => e.System)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(system => new SystemGroup(system.Key, system
                .GroupBy(e => e.CategoryName)
                .OrderBy(g => g.Key == Uncategorised).ThenBy(g => g.First().Code, StringComparer.Ordinal)
                .Select(g => new CategoryCount(g.Key, g.Count()))
                .ToList()))
            .ToList();

    public static string Link(string system, string? category = null, int page = 1) =>
        "/browse?system=" + Uri.EscapeDataString(system)
        + (category is null ? "" : "&category=" + Uri.EscapeDataString(category))
        + (page > 1 ? "&page=" + page : "");
}
