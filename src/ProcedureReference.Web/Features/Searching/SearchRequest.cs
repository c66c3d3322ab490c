using ProcedureReference.Search;

namespace ProcedureReference.Web.Features.Searching;

/// <summary>The query /search and /api/search run: what was typed and the filters, bounded, a page of <see cref="PageSize"/> hits.</summary>
public static class SearchRequest
{
    public const int PageSize = 20;

    public static SearchQuery ToQuery(string text, string? system, string? category, string? section, int page) =>
        new(SearchText.Limit(text)!, Blank(Filter(system)), Blank(Filter(category)), Blank(Filter(section)), Math.Clamp(page, 1, PageNumber.Max), PageSize);

    /// <summary>The answer to an empty query: no hits, nothing searched.</summary>
    public static SearchResults Nothing { get; } = new("", 0, 1, PageSize, [], [], [], [], null, []);

    /// <summary>A filter as it is echoed: bounded, without control characters.</summary>
    public static string? Filter(string? value) => SearchText.Limit(value, SearchText.MaxFilterChars);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
