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

    public static ImportReport Failed(string contentPath, string error, TimeSpan elapsed,
        IReadOnlyList<FileResult>? files = null, IReadOnlyList<string>? warnings = null) =>
        new(contentPath, files ?? [], warnings ?? [], [], [], [], [], elapsed, error);
}

/// <summary>How far an import has got.</summary>
public readonly record struct ImportProgress(int FilesDone, int FilesTotal);
