using System.Diagnostics;

namespace ProcedureReference.Browser.Tests.Support;

/// <summary>A command-line tool run to the end: what it wrote on standard output and error, and its exit code.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <paramref name="command"/> (ten minutes at most: a bound on a hang, not a timing).</summary>
    public static async Task<ToolRun> RunAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new ToolRun(process.ExitCode, await output, await error);
    }

    /// <summary>Standard output, after checking that the tool succeeded (else its error is the assertion's message).</summary>
    public string Succeeded(string what)
    {
        Assert.True(ExitCode == 0, $"{what} exited {ExitCode}: {Error}");
        return Output;
    }
}
