using ProcedureReference.Search;

namespace ProcedureReference.Web.Features.Searching;

/// <summary>
/// What a reader typed, bounded before it is searched or echoed: a paragraph pasted into the search box is
/// searched by its first <see cref="SearchQuery.MaxTextChars"/> characters (what the index reads anyway), and the
/// page says so, rather than answering with an error. Control characters (which no one types, and which HTML cannot
/// show) become spaces.
/// </summary>
public static class SearchText
{
    /// <summary>Filters name a system, category or section: far shorter than this.</summary>
    public const int MaxFilterChars = 100;

    /// <summary>
    /// At most <paramref name="max"/> characters, cut at a space in the second half where there is one (so no
    /// word is cut in two) and never inside a surrogate pair.
    /// </summary>
    public static string? Limit(string? text, int max = SearchQuery.MaxTextChars)
    {
        if (text is null) return null;
        if (text.Any(char.IsControl)) text = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
        if (text.Length <= max) return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        var space = text.LastIndexOf(' ', cut);
        if (space >= max / 2) cut = space;
        return text[..cut].TrimEnd();
    }
}
