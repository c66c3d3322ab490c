namespace ProcedureReference;

/// <summary>
/// A test hook for the crash tests, and nothing else: with <c>PROCREF_FAULT_PAUSE_AT=NAME</c> in its environment a
/// process that reaches the point NAME writes <c>fault point NAME: paused</c> to standard error and waits for a line
/// on standard input, so that a test can kill it exactly there (or let it go on). Points sit where a crash would
/// leave something to recover from: mid-import, between the steps of a publish, mid-copy, either side of the
/// atomic rename. The variable is read once; without it (always, outside those tests) a point is one comparison.
/// </summary>
public static class FaultPoint
{
    public const string Variable = "PROCREF_FAULT_PAUSE_AT";

    private static readonly string? PauseAt = Environment.GetEnvironmentVariable(Variable);

    /// <summary>The points, by name, for the tests to list.</summary>
    public const string ImportPages = "import-pages";
    public const string ImportSimilarCodes = "import-similar-codes";
    public const string ImportCommit = "import-commit";
    public const string ImportBuilt = "import-built";
    public const string Staged = "staged";
    public const string PublishKept = "publish-kept";
    public const string KeepLiveCopy = "keep-live-copy";
    public const string SwitchCopy = "switch-copy";
    public const string SwitchBeforeRename = "switch-before-rename";
    public const string SwitchAfterRename = "switch-after-rename";

    public static void Reached(string name)
    {
        if (PauseAt is null || !string.Equals(PauseAt, name, StringComparison.Ordinal)) return;
        Console.Error.WriteLine($"fault point {name}: paused");
        Console.Error.Flush();
        Console.In.ReadLine();
    }
}
