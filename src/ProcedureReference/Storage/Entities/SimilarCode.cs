namespace ProcedureReference.Storage.Entities;

/// <summary>
/// One similar code of a page, in the page's order (Position 0 first): codes the page lists itself first
/// (Source "page"), then codes computed at import (Source "computed"). The target is named by its code, not
/// linked: a listed code may not be in the reference, and then Title is the title the page listed for it.
/// </summary>
public sealed class SimilarCode
{
    public int Id { get; set; }
    public int PageId { get; set; }
    public int Position { get; set; }
    public required string Code { get; set; }
    /// <summary>The target page's title, or the listed title for a code not in the reference.</summary>
    public required string Title { get; set; }
    /// <summary>How similar, from 0 to 1.</summary>
    public double Score { get; set; }
    /// <summary>A short reason a reader understands ('sibling code: unilateral vs bilateral').</summary>
    public required string Reason { get; set; }
    /// <summary>"page" (listed on the page) or "computed".</summary>
    public required string Source { get; set; }
}
