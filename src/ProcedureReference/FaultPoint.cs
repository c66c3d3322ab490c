namespace ProcedureReference;

/// <summary>
/// Named checkpoints where a crash would leave something to recover from: mid-import, between the steps of a publish,
/// mid-copy, either side of the atomic rename. Reaching one does nothing unless an observer is set: diagnostics or
/// tests set one (the crash tests load tests/ProcedureReference.FaultHook into a child process, which pauses it at a
/// named point so that the test can kill it exactly there). Without one a point costs a null check.
/// </summary>
public static class FaultPoint
{
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

    /// <summary>Called with a point's name, on the thread that reached it, before the process goes on; null by default.</summary>
    public static Action<string>? Observer { get; set; }

    public static void Reached(string name) => Observer?.Invoke(name);
}
