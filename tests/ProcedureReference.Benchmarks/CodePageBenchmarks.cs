using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProcedureReference.Testing;

namespace ProcedureReference.Benchmarks;

/// <summary>
/// A code page through the whole site in-process (routing, query, Razor, similar codes), over a generated corpus:
/// served from the output cache, and rendered afresh (a query string the cache has not seen).
/// </summary>
[MemoryDiagnoser]
public class CodePageBenchmarks
{
    private string? _folder;
    private Site? _site;
    private HttpClient? _client;
    private string[] _codes = [];
    private int _next;

    [Params(2_000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchData.GenerateCorpus(Pages);
        var database = Path.Combine(_folder, "data", "procedures.db");
        var report = TestContent.Publish(_folder, database);
        if (!report.Succeeded) throw new InvalidOperationException(report.FatalError);
        _codes = [.. File.ReadLines(Path.Combine(_folder, "codes.csv")).Skip(1).Select(line => line.Split(',')[1]).Take(100)];
        // Read when the app's builder is made, before the factory's own settings apply: no log line per request.
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
        _site = new Site(_folder, database);
        _client = _site.CreateClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _site?.Dispose();
        BenchData.Delete(_folder);
    }

    [Benchmark]
    public Task<string> CodePageCached() => _client!.GetStringAsync("/codes/" + _codes[0]);

    [Benchmark]
    public Task<string> CodePageRendered() => _client!.GetStringAsync($"/codes/{_codes[_next % _codes.Length]}?n={_next++}");

    // Any type of the web assembly names its entry point (this project has a Program of its own).
    private sealed class Site(string content, string database) : WebApplicationFactory<ProcedureReference.Web.ReferenceOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Path", database);
            builder.UseSetting("Content:Path", content);
            builder.UseSetting("RateLimits:Enabled", "false");
            builder.UseSetting("Security:HttpsRedirection", "false");
        }
    }
}
