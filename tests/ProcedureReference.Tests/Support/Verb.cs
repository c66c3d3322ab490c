using ProcedureReference.Web.Cli;

namespace ProcedureReference.Tests.Support;

/// <summary>Runs a command-line verb in-process, as `dotnet run -- VERB ...` would, with its output captured.</summary>
public static class Verb
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CommandLine.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
