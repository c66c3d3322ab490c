using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Cli;

/// <summary>
/// `admin add NAME`, `admin passwd NAME`, `admin unlock NAME`, `admin remove NAME`, `admin list` (each with an
/// optional `--db FILE`, the content database whose folder holds admin.db, or Admin:DatabasePath): the accounts that
/// may sign in to /admin. A new password and a removal end the account's sessions. A password is
/// read from standard input (one line) or typed at a prompt that does not echo; never from an argument, where
/// it would be left in the shell's history and the process list.
/// </summary>
public static class AdminCommand
{
    private const string Who = "command line";

    /// <summary><paramref name="args"/>: the subcommand and its name, as <see cref="Verbs"/> parsed them.</summary>
    public static int Run(string[] args, IServiceProvider services, TextReader input, bool inputRedirected, TextWriter stdout, TextWriter stderr)
    {
        var store = services.GetRequiredService<AdminAccounts>();
        switch (args)
        {
            case ["list"]:
                var accounts = store.List();
                if (accounts.Count == 0) stdout.WriteLine("No admin accounts. Add one with: admin add NAME");
                foreach (var account in accounts)
                    stdout.WriteLine($"{account.Name}\tcreated {account.CreatedAt:yyyy-MM-dd HH:mm}Z" + (account.LockedUntil > DateTimeOffset.UtcNow ? $"\tlocked until {account.LockedUntil:HH:mm}Z" : ""));
                return 0;
            case ["add", var name]:
                if (!AdminAccounts.IsValidName(name)) throw new UsageException("a name is 1 to 64 letters, digits, '.', '_' or '-'");
                if (ReadPassword(input, inputRedirected, stdout, stderr, "added") is not { } password) return 1;
                if (!store.Add(name, password))
                {
                    stderr.WriteLine($"admin: an account named {name} exists already");
                    return 1;
                }
                store.Audit(Who, "add admin", name, "added");
                stdout.WriteLine($"Added admin {name}. Sign in at /admin.");
                return 0;
            case ["passwd", var name]:
                // Asked before the password, so that nobody types one for an account that is not there.
                if (store.List().All(account => account.Name != name)) return NoAccount(stderr, name);
                if (ReadPassword(input, inputRedirected, stdout, stderr, "changed") is not { } newPassword) return 1;
                if (!store.ChangePassword(name, newPassword)) return NoAccount(stderr, name);
                store.Audit(Who, "change password", name, "changed; every session ended");
                stdout.WriteLine($"Changed the password of {name}; every session of {name} has ended.");
                return 0;
            case ["unlock", var name]:
                if (!store.Unlock(name)) return NoAccount(stderr, name);
                store.Audit(Who, "unlock admin", name, "unlocked");
                stdout.WriteLine($"Unlocked {name}: failed sign-ins are counted from zero again.");
                return 0;
            case ["remove", var name]:
                if (!store.Remove(name)) return NoAccount(stderr, name);
                store.Audit(Who, "remove admin", name, "removed");
                stdout.WriteLine($"Removed admin {name}.");
                return 0;
            default:
                throw new UsageException("usage: admin add NAME | admin passwd NAME | admin unlock NAME | admin remove NAME | admin list [--db FILE] (a password is read from standard input or a prompt)");
        }
    }

    private static int NoAccount(TextWriter stderr, string name)
    {
        stderr.WriteLine($"admin: there is no account named {name}");
        return 1;
    }

    /// <summary>One line of standard input, or typed twice at a prompt; null (said on stderr) when it is too short.</summary>
    private static string? ReadPassword(TextReader input, bool inputRedirected, TextWriter stdout, TextWriter stderr, string done)
    {
        var password = inputRedirected ? input.ReadLine() ?? "" : Prompt(stdout, done);
        if (password.Length >= AdminAccounts.MinPasswordLength) return password;
        stderr.WriteLine($"admin: a password needs at least {AdminAccounts.MinPasswordLength} characters; nothing was {done}");
        return null;
    }

    private static string Prompt(TextWriter stdout, string done)
    {
        var first = ReadHidden(stdout, "Password: ");
        var second = ReadHidden(stdout, "Again: ");
        return first == second ? first : throw new UsageException($"the two passwords differ; nothing was {done}");
    }

    private static string ReadHidden(TextWriter stdout, string prompt)
    {
        stdout.Write(prompt);
        var text = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        stdout.WriteLine();
        return text.ToString();
    }
}
