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

    /// <summary>
    /// Whether every token that is not a section's setting configures the host: <c>--key=value</c> (what
    /// WebApplicationFactory passes too), or one of the host's own switches followed by its value (<c>--urls URL</c>).
    /// A bare or mistyped switch (<c>--bogus</c>, <c>--stgae</c>) is refused rather than ignored by a started site.
    /// </summary>
    public static bool OnlySiteSwitches(string[] args)
    {
        var rest = Split(args).Rest;
        for (var i = 0; i < rest.Length; i++)
        {
            if (!rest[i].StartsWith("--", StringComparison.Ordinal) || rest[i].Length == 2) return false;
            if (rest[i].Contains('=', StringComparison.Ordinal)) continue;
            if (!HostKeys.Contains(rest[i][2..]) || ++i >= rest.Length || rest[i].StartsWith("--", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    // The keys ASP.NET Core's host reads from the top of the configuration (WebHostDefaults, HostDefaults, host filtering).
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "webroot", "applicationName", "AllowedHosts", "http_ports", "https_ports",
        "detailedErrors", "shutdownTimeoutSeconds", "preventHostingStartup", "hostingStartupAssemblies",
        "hostingStartupExcludeAssemblies", "suppressStatusMessages",
    };

    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=')[0].Contains(':', StringComparison.Ordinal);
}
