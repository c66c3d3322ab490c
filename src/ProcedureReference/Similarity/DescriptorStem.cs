using System.Text;

namespace ProcedureReference.Similarity;

/// <summary>
/// The structure of a CPT descriptor: a stem before the semicolon names the procedure, the rest names the
/// variant. 'Venous thrombosis imaging, venogram; unilateral' and '...; bilateral' share the stem, so they are
/// siblings: the same procedure on one side or both, which is what a coder looks for next.
/// </summary>
internal static class DescriptorStem
{
    private const int MinStemLength = 6;
    private const int MaxShownSuffix = 48;
    private const int MaxShownWords = 4;

    /// <summary>The stem as a comparable key (lower case, spaces collapsed), or null when too short to mean a procedure.</summary>
    public static string? KeyOf(string title)
    {
        var stem = StemOf(title);
        if (stem.Length < MinStemLength) return null;
        var key = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (char.IsWhiteSpace(c)) { if (key.Length > 0 && key[^1] != ' ') key.Append(' '); }
            else key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString().TrimEnd(' ', ',', '.', ':');
    }

    /// <summary>The descriptor's head, before its first comma or semicolon: what the procedure is ('Thrombectomy').</summary>
    public static string HeadOf(string title)
    {
        var end = title.IndexOfAny([',', ';']);
        return end < 0 ? title : title[..end];
    }

    /// <summary>The variant part after the semicolon ('bilateral'), empty for a descriptor without one.</summary>
    public static string SuffixOf(string title)
    {
        var semicolon = title.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? "" : title[(semicolon + 1)..].Trim().TrimEnd('.').Trim();
    }

    private static string StemOf(string title)
    {
        var semicolon = title.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? title : title[..semicolon]).Trim();
    }

    /// <summary>
    /// 'sibling code: unilateral vs bilateral' (the target's variant first, then this page's); null when the
    /// two variants read the same, which makes them family rather than siblings.
    /// </summary>
    public static string? SiblingReason(string targetTitle, string pageTitle)
    {
        var target = SuffixOf(targetTitle);
        var page = SuffixOf(pageTitle);
        if (string.Equals(target, page, StringComparison.OrdinalIgnoreCase)) return null;
        if (target.Length == 0) return $"sibling code: the base code of '{Shorten(page)}'";
        if (page.Length == 0) return $"sibling code: {Shorten(target)}";
        if (target.Length <= MaxShownSuffix && page.Length <= MaxShownSuffix) return $"sibling code: {target} vs {page}";
        // Long variants: the parts that differ ('with imaging guidance vs without imaging guidance'), else the words.
        var targetParts = Parts(target);
        var pageParts = Parts(page);
        var partsOnlyInTarget = string.Join(", ", targetParts.Except(pageParts, StringComparer.OrdinalIgnoreCase));
        var partsOnlyInPage = string.Join(", ", pageParts.Except(targetParts, StringComparer.OrdinalIgnoreCase));
        if (partsOnlyInTarget.Length is > 0 and <= MaxShownSuffix && partsOnlyInPage.Length is > 0 and <= MaxShownSuffix)
            return $"sibling code: {partsOnlyInTarget} vs {partsOnlyInPage}";
        var targetWords = Words(target);
        var pageWords = Words(page);
        var targetOnly = targetWords.Where(w => !pageWords.Contains(w, StringComparer.OrdinalIgnoreCase)).Take(MaxShownWords).ToList();
        var pageOnly = pageWords.Where(w => !targetWords.Contains(w, StringComparer.OrdinalIgnoreCase)).Take(MaxShownWords).ToList();
        if (targetOnly.Count == 0 || pageOnly.Count == 0) return $"sibling code: {Shorten(target)}";
        return $"sibling code: {string.Join(' ', targetOnly)} vs {string.Join(' ', pageOnly)}";
    }

    /// <summary>'same procedure family: thrombectomy, direct or with catheter' for codes that share a stem but no variant difference.</summary>
    public static string FamilyReason(string title) => $"same procedure family: {Shorten(StemOf(title))}";

    private static List<string> Parts(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<string> Words(string text) =>
        text.Split([' ', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Shorten(string text)
    {
        if (text.Length <= MaxShownSuffix) return text;
        var cut = text.LastIndexOf(' ', MaxShownSuffix);
        return (cut > MaxShownSuffix / 2 ? text[..cut] : text[..MaxShownSuffix]).TrimEnd(',', ';', ' ') + "…";
    }
}
