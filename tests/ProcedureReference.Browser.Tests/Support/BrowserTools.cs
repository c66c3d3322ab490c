namespace ProcedureReference.Browser.Tests.Support;

/// <summary>
/// The tools no one here wrote that these tests run: Debian's Chromium, Java for the Nu HTML Checker, the npm
/// packages pinned in tests/browser-tools (axe-core, vnu-jar, lighthouse), and poppler's and zbar's command-line
/// tools that read a printed PDF back (its page count, its text, its QR code). Where one is missing the tests that
/// need it are skipped with the reason, unless PROCREF_REQUIRE_BROWSER=1 (as CI sets), when they fail instead.
/// </summary>
public static class BrowserTools
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "PROCREF_REQUIRE_BROWSER";

    /// <summary>The flags a headless Chromium needs here: as root, with no GPU, and no calls to the outside.</summary>
    public static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static string RepositoryRoot { get; } = FindRoot();
    public static string NodeModules => Path.Combine(RepositoryRoot, "tests", "browser-tools", "node_modules");
    public static string AxeScript => Path.Combine(NodeModules, "axe-core", "axe.min.js");
    public static string VnuJar => Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar");
    public static string LighthouseCli => Path.Combine(NodeModules, "lighthouse", "cli", "index.js");

    /// <summary>Where screenshots and reports are written: TestResults/browser/ at the repository root (git-ignored).</summary>
    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot, "TestResults", "browser")).FullName;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why a test that needs <paramref name="tools"/> cannot run here, or null when it can.</summary>
    public static string? Missing(params string[] tools)
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath)) missing.Add($"Chromium ({ChromiumPath}; apt-get install chromium)");
        foreach (var tool in tools)
        {
            switch (tool)
            {
                case "axe" when !File.Exists(AxeScript):
                case "lighthouse" when !File.Exists(LighthouseCli):
                case "vnu" when !File.Exists(VnuJar):
                    missing.Add($"{tool} (npm ci --ignore-scripts in tests/browser-tools)");
                    break;
                case "vnu" when !OnPath("java"):
                    missing.Add("java (apt-get install default-jre-headless)");
                    break;
                case "lighthouse" when !OnPath("node"):
                    missing.Add("node");
                    break;
                case "pdf" when !OnPath("pdfinfo") || !OnPath("pdftoppm") || !OnPath("pdftotext") || !OnPath("zbarimg"):
                    missing.Add("pdfinfo, pdftoppm, pdftotext, zbarimg (apt-get install poppler-utils zbar-tools)");
                    break;
            }
        }
        return missing.Count == 0 ? null : "missing: " + string.Join(", ", missing);
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProcedureReference.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A test that needs a real browser (and any tools named): skipped with the reason where they are missing,
/// except under PROCREF_REQUIRE_BROWSER=1, where it runs and fails on what is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(params string[] tools)
    {
        if (!BrowserTools.Required && BrowserTools.Missing(tools) is { } why) Skip = why;
    }
}

/// <inheritdoc cref="BrowserFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute(params string[] tools)
    {
        if (!BrowserTools.Required && BrowserTools.Missing(tools) is { } why) Skip = why;
    }
}
