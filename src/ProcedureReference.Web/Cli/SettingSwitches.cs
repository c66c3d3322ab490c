namespace ProcedureReference.Web.Cli;

/// <summary>
/// The <c>--Section:Key=value</c> and <c>--Section:Key value</c> switches on a command line: configuration, read as
/// the site reads them, wherever they stand. Only keys with a section are taken (a verb's own options have none), so
/// that a mistyped option is reported rather than taken for a setting.
/// </summary>
public sealed record SettingSwitches(IReadOnlyDictionary<string, string?> Settings, string[] Rest)
{
    public static SettingSwitches Split(string[] args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!IsSetting(args[i]))
            {
                rest.Add(args[i]);
                continue;
            }
            var text = args[i][2..];
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0) settings[text[..equals]] = text[(equals + 1)..];
            else if (i + 1 < args.Length) settings[text] = args[++i];
            else throw new UsageException($"{args[i]} needs a value: {args[i]}=VALUE");
        }
        return new SettingSwitches(settings, [.. rest]);
    }

    /// <summary>The first token that is not a setting: a verb, an option, or nothing (the site).</summary>
    public static string? FirstOther(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!IsSetting(args[i])) return args[i];
            if (!args[i].Contains('=', StringComparison.Ordinal)) i++;
        }
        return null;
    }

    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=')[0].Contains(':', StringComparison.Ordinal);
}
