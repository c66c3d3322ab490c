namespace ProcedureReference.Similarity;

/// <summary>Where a similar code came from: the page's own 'Similar Codes' list, or computed at import.</summary>
public static class SimilarCodeSources
{
    public const string Page = "page";
    public const string Computed = "computed";
}

/// <summary>
/// One similar code of a page: the target code and its title (its page's title, or the title the page lists
/// for a code not in the reference), a score from 0 to 1, a short reason a reader understands, and its source.
/// </summary>
public sealed record SimilarCodeEntry(string Code, string Title, double Score, string Reason, string Source);

/// <summary>A page's similar codes, best first, under the page's database id.</summary>
public sealed record PageSimilarCodes(int PageId, IReadOnlyList<SimilarCodeEntry> Codes);
