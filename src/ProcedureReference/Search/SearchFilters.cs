using System.Text;
using ProcedureReference.Parsing;

namespace ProcedureReference.Search;

/// <summary>
/// A query's filters and paging, made safe: blank filters are no filter, an unknown section is ignored (only a
/// <see cref="SectionKind"/> can become an FTS5 column filter), page and page size are clamped. Text is the
/// query as echoed back: trimmed, capped, without control characters.
/// </summary>
internal sealed record SearchFilters(string Text, string? System, string? Category, SectionKind? Section, int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    public static SearchFilters From(SearchQuery query)
    {
        SectionKind? section = SectionKindNames.TryParse(query.Section?.Trim() ?? "", out var kind) ? kind : null;
        return new SearchFilters(
            Echo(query.Text),
            Blank(query.System),
            Blank(query.Category),
            section,
            Math.Clamp(query.Page, 1, MaxPage),
            Math.Clamp(query.PageSize, 1, MaxPageSize));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Echo(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var capped = text.Length > QueryTokens.MaxQueryChars ? text[..QueryTokens.MaxQueryChars] : text;
        // By runes: a surrogate pair cut by the cap (or a lone one typed) becomes U+FFFD, not broken UTF-16.
        var echo = new StringBuilder(capped.Length);
        foreach (var rune in capped.EnumerateRunes()) echo.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        return echo.ToString().Trim();
    }
}
