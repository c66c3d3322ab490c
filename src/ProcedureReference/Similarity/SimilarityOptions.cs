using ProcedureReference.Parsing;

namespace ProcedureReference.Similarity;

/// <summary>How many similar codes a page gets and how similar they must be.</summary>
public sealed record SimilarityOptions
{
    public const int DefaultCount = 8;

    /// <summary>Computed similar codes per page (codes the page itself lists come first and are all kept).</summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>
    /// The least score (0..1) a computed code needs: below it a page gets nothing rather than noise. Only pages
    /// that share a distinctive term or the descriptor stem are scored at all; 0.03 is about one shared term
    /// that matters to both pages, or a few that matter less.
    /// </summary>
    public double MinScore { get; init; } = 0.03;

    /// <summary>
    /// The least a computed code's text alone (what the two pages say, template words left out) must score,
    /// unless it is a sibling variant of the same descriptor. Where two codes stand (the same subsection, near
    /// numbers) orders neighbours but never makes one: a pair in the same subsection sharing two template words
    /// ('shares: structures, diagnose', text 0.011 + subsection 0.03) was shown at 0.041 before this.
    /// </summary>
    public double MinTextScore { get; init; } = 0.03;
}

/// <summary>
/// How much each part of a page says about what the procedure is: the descriptor and names most, then the
/// summary and purpose, then the rest. The 'Similar Codes' list is not the page's own text and weighs nothing.
/// </summary>
internal static class FieldWeights
{
    public const float Descriptor = 4;
    public const float Names = 3;

    public static float Of(SectionKind kind) => kind switch
    {
        SectionKind.Summary or SectionKind.Purpose => 2,
        SectionKind.SimilarCodes => 0,
        _ => 1,
    };
}
