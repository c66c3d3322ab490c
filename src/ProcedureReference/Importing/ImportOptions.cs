using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Importing;

/// <summary>Where an import reads pages from and how; where the content goes is the content store's business.</summary>
public sealed record ImportOptions(string ContentPath)
{
    /// <summary>Page files larger than this are reported and skipped.</summary>
    public long MaxFileBytes { get; init; } = PageText.DefaultMaxBytes;

    /// <summary>How many similar codes are computed for each page (codes a page lists itself come on top).</summary>
    public int SimilarCount { get; init; } = SimilarityOptions.DefaultCount;
}
