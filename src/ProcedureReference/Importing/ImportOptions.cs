using ProcedureReference.Parsing;

namespace ProcedureReference.Importing;

/// <summary>Where an import reads pages from and which database it replaces.</summary>
public sealed record ImportOptions(string ContentPath, string DatabasePath)
{
    /// <summary>Page files larger than this are reported and skipped.</summary>
    public long MaxFileBytes { get; init; } = PageText.DefaultMaxBytes;
}
