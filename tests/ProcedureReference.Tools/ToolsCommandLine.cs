using System.CommandLine;

namespace ProcedureReference.Tools;

/// <summary>The test tooling's verbs, on System.CommandLine: `generate-corpus` (and `--help` for each).</summary>
public static class ToolsCommandLine
{
    /// <summary>Exit code of a command line that does not parse: the message says why.</summary>
    public const int UsageError = 2;

    public static RootCommand Root() => new("Test tooling for the procedure reference: data for tests and measurements, not part of the site.")
    {
        GenerateCorpusCommand.Create(),
    };

    /// <summary>Runs <paramref name="args"/>, writing to <paramref name="stdout"/> and <paramref name="stderr"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Root().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line per mistake, named by its verb, and where to read more (System.CommandLine's own would print the whole help).
            var verb = parsed.CommandResult.Command.Name;
            foreach (var error in parsed.Errors) stderr.WriteLine($"{verb}: {error.Message}");
            var root = parsed.RootCommandResult.Command.Name;
            stderr.WriteLine(verb == root ? $"See '{root} --help'." : $"See '{root} {verb} --help'.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
