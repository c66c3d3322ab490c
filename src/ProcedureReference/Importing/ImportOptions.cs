using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Importing;

/// <summary>Where an import reads pages from and which database it replaces (or, staged, is compared with).</summary>
public sealed record ImportOptions(string ContentPath, string DatabasePath)
{
    /// <summary>Page files larger than this are reported and skipped.</summary>
    public long MaxFileBytes { get; init; } = PageText.DefaultMaxBytes;

    /// <summary>How many similar codes are computed for each page (codes a page lists itself come on top).</summary>
    public int SimilarCount { get; init; } = SimilarityOptions.DefaultCount;

    /// <summary>
    /// Where to leave the finished database for review instead of publishing it over <see cref="DatabasePath"/>,
    /// which the report still compares it with; null publishes at once.
    /// </summary>
    public string? StagePath { get; init; }
}
