using System.CommandLine;

namespace ProcedureReference.Web.Cli;

/// <summary>
/// The verbs as System.CommandLine commands: their names, options and help. Each action turns its options into
/// settings (<c>--db</c> is <c>Database:Path</c>, <c>--content</c> is <c>Content:Path</c>) and runs the verb's own
/// method with the settings bound as the site binds them.
/// </summary>
public static class Verbs
{
    private const string SettingsHelp =
        "Settings come from appsettings.json, environment variables (Import__SimilarCodes=8) and --Section:Key=value "
        + "switches (--Import:SimilarCodes=8), as for the site.";

    private const string VerbSettingsHelp = "Settings as for the site: --Section:Key=value (--Import:SimilarCodes=8).";

    public static RootCommand Root(IReadOnlyDictionary<string, string?> settings, Terminal terminal) =>
        new("The procedure reference. Without a verb it runs the site (--Urls=http://127.0.0.1:5080). " + SettingsHelp)
        {
            Import(settings, terminal),
            Parse(settings, terminal),
            Admin(settings, terminal),
        };

    private static Command Import(IReadOnlyDictionary<string, string?> settings, Terminal terminal)
    {
        var content = new Option<string>("--content") { Description = "The folder of page files (Content:Path)", HelpName = "DIR" };
        var db = DatabaseOption();
        var stage = new Option<bool>("--stage") { Description = "Stage the import for review in /admin instead of publishing it" };
        var allowRemovals = new Option<bool>("--allow-removals")
        {
            Description = "Publish even when the import removes more than Admin:MaxRemovedPercent of the live codes",
        };
        var command = new Command("import", "Import page files and publish them (or stage them). " + VerbSettingsHelp) { content, db, stage, allowRemovals };
        command.SetAction(parse => Run(parse, terminal, With(settings, ("Database:Path", parse.GetValue(db)), ("Content:Path", parse.GetValue(content))),
            services => ImportCommand.Run(new ImportCommand.Choices(parse.GetValue(stage), parse.GetValue(allowRemovals)), services, terminal.Output, terminal.Error)));
        return command;
    }

    private static Command Parse(IReadOnlyDictionary<string, string?> settings, Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the only format; accepted for scripts that say so)" };
        var files = new Argument<string[]>("FILE") { Description = "Page files; each file's code comes from the codes.csv in its folder", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("parse", "Print how page files parse, as JSON, touching no database. " + VerbSettingsHelp) { json, files };
        command.Validators.Add(result =>
        {
            if (result.GetValue(files) is not { Length: > 0 }) result.AddError("name at least one page file: parse --json FILE...");
        });
        command.SetAction(parse => Run(parse, terminal, settings,
            services => ParseCommand.Run(parse.GetValue(files)!, services, terminal.Output, terminal.Error)));
        return command;
    }

    private static Command Admin(IReadOnlyDictionary<string, string?> settings, Terminal terminal)
    {
        var db = DatabaseOption();
        db.Recursive = true;
        var command = new Command("admin", "Manage the accounts that may sign in to /admin (admin.db beside the content database, or Admin:DatabasePath). " + VerbSettingsHelp) { db };
        Command Sub(string name, string description, Func<ParseResult, string[]> args, params Argument[] arguments)
        {
            var sub = new Command(name, description);
            foreach (var argument in arguments) sub.Arguments.Add(argument);
            sub.SetAction(parse => Run(parse, terminal, With(settings, ("Database:Path", parse.GetValue(db))),
                services => AdminCommand.Run(args(parse), services, terminal.Input, terminal.InputRedirected, terminal.Output, terminal.Error)));
            return sub;
        }
        var addName = new Argument<string>("NAME") { Description = "1 to 64 letters, digits, '.', '_' or '-'" };
        var passwdName = new Argument<string>("NAME") { Description = "The account whose password to change" };
        var unlockName = new Argument<string>("NAME") { Description = "The account to unlock" };
        var removeName = new Argument<string>("NAME") { Description = "The account to remove" };
        command.Subcommands.Add(Sub("add", "Add an account; its password is read from standard input (one line) or typed at a prompt",
            parse => ["add", parse.GetValue(addName)!], addName));
        command.Subcommands.Add(Sub("passwd", "Change an account's password (read as for add) and end every session of the account",
            parse => ["passwd", parse.GetValue(passwdName)!], passwdName));
        command.Subcommands.Add(Sub("unlock", "Lift the lock that repeated failed sign-ins put on an account",
            parse => ["unlock", parse.GetValue(unlockName)!], unlockName));
        command.Subcommands.Add(Sub("remove", "Remove an account and end its sessions", parse => ["remove", parse.GetValue(removeName)!], removeName));
        command.Subcommands.Add(Sub("list", "List the accounts", _ => ["list"]));
        return command;
    }

    private static Option<string> DatabaseOption() =>
        new("--db") { Description = "The content database (Database:Path)", HelpName = "FILE" };

    /// <summary>The command line's settings with a verb's own options on top (those given).</summary>
    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, params (string Key, string? Value)[] options)
    {
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in options)
            if (value is not null) all[key] = value;
        return all;
    }

    /// <summary>A verb with its settings bound: a wrong setting or usage is reported in one line each, exit code 2.</summary>
    private static int Run(ParseResult parse, Terminal terminal, IReadOnlyDictionary<string, string?> settings, Func<IServiceProvider, int> verb)
    {
        var name = parse.CommandResult.Parent is System.CommandLine.Parsing.CommandResult { Parent: not null } parent
            ? parent.Command.Name + " " + parse.CommandResult.Command.Name
            : parse.CommandResult.Command.Name;
        try
        {
            using var services = VerbServices.Build(settings);
            return verb(services.Services);
        }
        catch (UsageException e)
        {
            terminal.Error.WriteLine($"{name}: {e.Message}");
            return CommandLine.UsageExitCode;
        }
        catch (Settings.InvalidSettingsException e)
        {
            terminal.Error.WriteLine(e.Message);
            return CommandLine.UsageExitCode;
        }
    }
}
