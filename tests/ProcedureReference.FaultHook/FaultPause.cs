namespace ProcedureReference.FaultHook;

/// <summary>
/// With <c>PROCREF_FAULT_PAUSE_AT=NAME</c> in its environment, a process that reaches the <see cref="FaultPoint"/>
/// NAME writes <c>fault point NAME: paused</c> to standard error and waits for a line on standard input, so that a
/// test can kill it exactly there (or let it go on).
/// </summary>
public static class FaultPause
{
    public const string Variable = "PROCREF_FAULT_PAUSE_AT";

    /// <summary>The line a paused process writes.</summary>
    public static string PausedLine(string point) => $"fault point {point}: paused";

    /// <summary>Where this hook is, for DOTNET_STARTUP_HOOKS.</summary>
    public static string AssemblyPath => typeof(FaultPause).Assembly.Location;

    internal static void Install()
    {
        var pauseAt = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(pauseAt)) return;
        FaultPoint.Observer = name =>
        {
            if (!string.Equals(name, pauseAt, StringComparison.Ordinal)) return;
            Console.Error.WriteLine(PausedLine(name));
            Console.Error.Flush();
            Console.In.ReadLine();
        };
    }
}
