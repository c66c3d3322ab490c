using System.CommandLine;
using System.CommandLine.Invocation;

namespace ProcedureReference.Web.Cli;

/// <summary>
/// The command-line verbs the web project carries: `import`, `parse` and `admin` (see <see cref="Verbs"/>). A command
/// line that is wrong (an unknown verb, option or setting, a missing value) changes nothing and exits with 2.
/// </summary>
public static class CommandLine
{
    public const int UsageExitCode = 2;

    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "/?", "/h", "--version"];

    /// <summary>
    /// Whether the command line names a verb, asks for help, or is not one the site takes (an unknown switch, which
    /// the verbs' parser then refuses); otherwise it configures the site.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        SettingSwitches.FirstOther(args) is { } first
        && (!first.StartsWith('-') || HelpTokens.Contains(first) || !SettingSwitches.OnlySiteSwitches(args));

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, Terminal.Console with { Output = stdout, Error = stderr });

    public static int Run(string[] args, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        SettingSwitches switches;
        try
        {
            switches = SettingSwitches.Split(args);
        }
        catch (UsageException e)
        {
            return Refuse(terminal, e.Message, "");
        }
        var parse = Verbs.Root(switches.Settings, terminal).Parse(switches.Rest);
        if (parse.Errors.Count > 0)
        {
            if (parse.Action is ParseErrorAction errors) errors.ShowHelp = false;
            parse.Invoke(Invocation(terminal with { Output = terminal.Error }));
            terminal.Error.WriteLine(Hint(parse));
            return UsageExitCode;
        }
        if (switches.Settings.Keys.FirstOrDefault(key => !VerbServices.Keys.Contains(key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            return Refuse(terminal, $"'--{unknown}' is not a setting the verbs read ({string.Join(", ", VerbServices.Keys)})", Hint(parse));
        return parse.Invoke(Invocation(terminal));
    }

    private static InvocationConfiguration Invocation(Terminal terminal) =>
        new() { Output = terminal.Output, Error = terminal.Error, EnableDefaultExceptionHandler = false };

    private static string Hint(ParseResult parse)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            path.Insert(0, result.Command.Name);
        return $"See '{string.Join(' ', ["ProcedureReference.Web", .. path, "--help"])}'.";
    }

    private static int Refuse(Terminal terminal, string message, string hint)
    {
        terminal.Error.WriteLine(message);
        if (hint.Length > 0) terminal.Error.WriteLine(hint);
        return UsageExitCode;
    }
}

/// <summary>The command line was wrong: the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
