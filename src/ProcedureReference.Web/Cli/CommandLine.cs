namespace ProcedureReference.Web.Cli;

/// <summary>The command-line verbs the web project carries: `import`, `parse`, `generate-corpus` and `admin`.</summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], IConfiguration, TextWriter, TextWriter, int>> Verbs = new()
    {
        ["import"] = ImportCommand.Run,
        ["parse"] = ParseCommand.Run,
        ["admin"] = AdminCommand.Run,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] is "help" or "--help");

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            stdout.WriteLine("""
                Usage: dotnet run --project src/ProcedureReference.Web -- VERB [options]
                  (no verb)                       run the site
                  import [--content DIR] [--db FILE] [--stage]  import page files and publish them (or stage them for review in /admin)
                  parse --json FILE...            print how page files parse, touching no database
                  generate-corpus --pages N --out DIR [--seed S]  write a synthetic corpus (pages, codes.csv, families.csv)
                  admin add NAME | admin remove NAME | admin list  manage admin accounts (password from stdin or a prompt)
                """);
            return 0;
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        try
        {
            return verb(args[1..], configuration, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"{args[0]}: {e.Message}");
            return 2;
        }
    }

    /// <summary>The value after a flag ('--db FILE'), or null when the flag is absent.</summary>
    internal static string? Option(string[] args, string flag)
    {
        var i = Array.IndexOf(args, flag);
        if (i < 0) return null;
        return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[i + 1]
            : throw new UsageException($"{flag} needs a value");
    }
}

/// <summary>The command line was wrong: the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
