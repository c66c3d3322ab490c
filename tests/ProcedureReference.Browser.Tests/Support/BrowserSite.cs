using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Corpus;
using ProcedureReference.Sqlite;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Browser.Tests.Support;

/// <summary>
/// The real app on real Kestrel on a free loopback port, over its own temp folder (content/ plus generated pages,
/// so that searches have pages of results; an admin account), and one headless Chromium driven by Playwright.
/// </summary>
public sealed class BrowserSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminName = "alice";
    public const string AdminPassword = "correct horse battery";
    private const int GeneratedPages = 120;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pr-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserSite()
    {
        Directory.CreateDirectory(ContentPath);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(BrowserTools.RepositoryRoot, "content")))
            File.Copy(file, Path.Combine(ContentPath, Path.GetFileName(file)));
        AddGeneratedPages();
        var data = Path.GetDirectoryName(DatabasePath)!;
        var admin = new AdminOptions
        {
            DatabasePath = Path.Combine(data, "admin.db"),
            KeysPath = Path.Combine(data, "keys"),
            UploadsPath = Path.Combine(data, "uploads"),
        };
        new AdminAccounts(new SqliteAdminStore(admin.DatabasePath), admin).Add(AdminName, AdminPassword);
        this.UseKestrel(0);
    }

    public string ContentPath => Path.Combine(_root, "content");
    public string DatabasePath => Path.Combine(_root, "data", "procedures.db");
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(BrowserTools.Missing() ?? "the browser did not start");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static assets from the project, as a browser needs them.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Admin:LoginAttemptsPerMinute", "1000");
        // Scripted readers and Lighthouse go faster than people; the rate limits have tests of their own.
        builder.UseSetting("RateLimits:Enabled", "false");
    }

    public async Task InitializeAsync()
    {
        if (BrowserTools.Missing() is not null && !BrowserTools.Required) return; // every test here is skipped
        Assertions.SetDefaultExpectTimeout(WaitLimitMs);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserTools.ChromiumPath,
            Headless = true,
            Args = BrowserTools.ChromiumFlags,
        });
    }

    /// <summary>
    /// How long an action, a navigation or an auto-waiting assertion may wait for the page: generous, as the suite
    /// shares two cores with the other test projects; it only bounds a hang, the waits end when the page is ready.
    /// </summary>
    public const float WaitLimitMs = 120_000;

    /// <summary>A fresh page in a context of its own (cookies, viewport, JavaScript) on the site.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(WaitLimitMs);
        return await context.NewPageAsync();
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>Saves a full-page screenshot as test output (TestResults/browser/NAME.png) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserTools.OutputFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }

    /// <summary>Generated pages with codes the seeds do not use, listed in codes.csv like the seeds.</summary>
    private void AddGeneratedPages()
    {
        var corpus = Path.Combine(_root, "generated");
        CorpusGenerator.Generate(corpus, GeneratedPages, seed: 11);
        var taken = File.ReadLines(Path.Combine(ContentPath, "codes.csv")).Skip(1).Select(l => l.Split(',')[1]).ToHashSet();
        var rows = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(corpus, "codes.csv")).Skip(1))
        {
            var (file, code) = (line.Split(',')[0], line.Split(',')[1]);
            if (!taken.Add(code)) continue;
            File.Copy(Path.Combine(corpus, file), Path.Combine(ContentPath, "gen-" + file));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"gen-{file},{code}"));
        }
        File.AppendAllLines(Path.Combine(ContentPath, "codes.csv"), rows);
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
