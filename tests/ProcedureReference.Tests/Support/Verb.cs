using ProcedureReference.Web.Cli;

namespace ProcedureReference.Tests.Support;

/// <summary>Runs a command-line verb in-process, as `dotnet run -- VERB ...` would, with its output captured.</summary>
public static class Verb
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWithInput("", args);

    /// <summary>With <paramref name="stdin"/> as redirected standard input (an admin password).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CommandLine.Run(args, new Terminal(input, InputRedirected: true, stdout, stderr));
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
