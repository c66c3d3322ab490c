using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Postgres;
using ProcedureReference.Testing;
using Serilog;
using Serilog.Core;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// The real app over its own temp folder: a copy of content/ (plus any extra pages a test adds) and a database
/// file that the app imports on first start, exactly as a new user's first run does. On
/// <see cref="Engine.Postgres"/> the store is a fresh database of its own on the run's shared cluster instead
/// (Database:Provider=Postgres), dropped when the app is disposed; the first start imports into it the same way.
/// </summary>
public class ReferenceApp : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pr-web-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresDatabase? _database;
    private readonly string? _joinedDatabase;

    public ReferenceApp() : this(Engine.Sqlite) { }

    /// <summary>Another instance of the site on <paramref name="first"/>'s PostgreSQL database (which it leaves to <paramref name="first"/> to drop).</summary>
    protected ReferenceApp(ReferenceApp first) : this(Engine.Sqlite)
    {
        ArgumentNullException.ThrowIfNull(first);
        Engine = Engine.Postgres;
        _joinedDatabase = first.PostgresConnectionString;
    }

    /// <param name="server">The PostgreSQL cluster (the run's shared one unless a test stops and starts one of its own).</param>
    protected ReferenceApp(Engine engine, PostgresServer? server = null)
    {
        Engine = engine;
        if (engine == Engine.Postgres) _database = (server ?? PostgresServer.Shared).CreateDatabase();
        var content = Path.Combine(_root, "content");
        Directory.CreateDirectory(content);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "content")))
            File.Copy(file, Path.Combine(content, Path.GetFileName(file)));
        AddContent(content);
    }

    public Engine Engine { get; }

    /// <summary>The app's PostgreSQL database (on <see cref="Engine.Postgres"/> only).</summary>
    public string PostgresConnectionString => _database?.ConnectionString ?? _joinedDatabase ?? throw new InvalidOperationException("the app runs on SQLite");

    public string ContentPath => Path.Combine(_root, "content");
    public string DatabasePath => Path.Combine(_root, "data", "procedures.db");

    /// <summary>The app's log, as its operators would read it: Serilog's file sink with the console's template.</summary>
    public string LogPath => Path.Combine(_root, "app.log");

    /// <summary>A subclass adds pages here before the app starts.</summary>
    protected virtual void AddContent(string contentFolder) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", DatabasePath);
        if (Engine == Engine.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString);
        }
        builder.UseSetting("Content:Path", ContentPath);
        // The app's own logger also writes to a file (it takes Serilog sinks registered as services), so the file
        // holds what an operator's log holds, at the levels of the app's "Serilog" section.
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_ => new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(LogPath, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Instance} {Message:lj}{NewLine}{Exception}", shared: true)
            .CreateLogger()));
        // The public rate limits stay on, out of reach of tests that read a page hundreds of times; the rate-limit
        // tests set their own.
        builder.UseSetting("RateLimits:SearchPermits", "100000");
        builder.UseSetting("RateLimits:PagePermits", "100000");
    }

    /// <summary>Where the app listens when it is served by Kestrel (<see cref="KestrelApp"/>); starts it if need be.</summary>
    public Uri ServerAddress()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>What the app has logged so far (the sink writes each event through, and the file stays shared).</summary>
    public string LogText()
    {
        if (!File.Exists(LogPath)) return "";
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task<IDocument> GetDocumentAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html).Address("http://localhost" + url));
    }

    /// <summary>
    /// Imports the content folder and publishes it through the real store, as the command line's import does, from
    /// outside the app: the app learns of it as another instance would.
    /// </summary>
    public ImportReport PublishContent()
    {
        if (Engine == Engine.Sqlite) return TestContent.Publish(ContentPath, DatabasePath);
        var store = new PostgresContentStore(new PostgresOptions { ConnectionString = PostgresConnectionString });
        var (report, published) = store.ImportAndPublish(new ImportOptions(ContentPath), "test", "folder " + ContentPath);
        return report.Succeeded && published is { Succeeded: false } ? report with { FatalError = published.Message } : report;
    }

    /// <summary>Runs <paramref name="sql"/> on the app's PostgreSQL database, as a tool outside the app would; the first column of the first row.</summary>
    public object? ExecutePostgres(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { _database?.Dispose(); }
        catch (NpgsqlException) { /* a cluster of the test's own left stopped: thrown away with its databases */ }
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
