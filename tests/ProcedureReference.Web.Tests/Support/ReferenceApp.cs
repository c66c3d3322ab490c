using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// The real app over its own temp folder: a copy of content/ (plus any extra pages a test adds) and a database
/// file that the app imports on first start, exactly as a new user's first run does.
/// </summary>
public class ReferenceApp : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pr-web-" + Guid.NewGuid().ToString("N"));

    public ReferenceApp()
    {
        var content = Path.Combine(_root, "content");
        Directory.CreateDirectory(content);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "content")))
            File.Copy(file, Path.Combine(content, Path.GetFileName(file)));
        AddContent(content);
    }

    public string ContentPath => Path.Combine(_root, "content");
    public string DatabasePath => Path.Combine(_root, "data", "procedures.db");

    /// <summary>A subclass adds pages here before the app starts.</summary>
    protected virtual void AddContent(string contentFolder) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Content:Path", ContentPath);
    }

    public async Task<IDocument> GetDocumentAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html).Address("http://localhost" + url));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProcedureReference.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
