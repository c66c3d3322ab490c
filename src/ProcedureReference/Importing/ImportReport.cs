namespace ProcedureReference.Importing;

/// <summary>What one file came to: its code, and what was wrong with it (errors mean it was not imported).</summary>
public sealed record FileResult(string File, string? Code, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors);

/// <summary>What an import did: per file, and against the content that was live before it.</summary>
public sealed record ImportReport(
    string ContentPath,
    IReadOnlyList<FileResult> Files,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Removed,
    TimeSpan Elapsed,
    string? FatalError)
{
    public bool Succeeded => FatalError is null;
    public int Imported => Added.Count + Changed.Count + Unchanged.Count;
    public int FilesWithErrors => Files.Count(f => f.Errors.Count > 0);
    public int FilesWithWarnings => Files.Count(f => f.Warnings.Count > 0);

    /// <summary>
    /// The imported pages whose summary reads above <see cref="Reading.ReadingGrade.PlainWordsMax"/>, hardest first,
    /// for the admin's review (kept in the report, so each engine stores it with the staged import as it is).
    /// </summary>
    public IReadOnlyList<HardSummary> HardSummaries { get; init; } = [];

    public static ImportReport Failed(string contentPath, string error, TimeSpan elapsed,
        IReadOnlyList<FileResult>? files = null, IReadOnlyList<string>? warnings = null) =>
        new(contentPath, files ?? [], warnings ?? [], [], [], [], [], elapsed, error);
}

/// <summary>A page whose summary reads above the plain-words grade: its code, descriptor and the summary's grade.</summary>
public sealed record HardSummary(string Code, string Title, double Grade);

/// <summary>How far an import has got.</summary>
public readonly record struct ImportProgress(int FilesDone, int FilesTotal);
