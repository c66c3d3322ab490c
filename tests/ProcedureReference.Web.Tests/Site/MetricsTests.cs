using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Faults;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>
/// The Prometheus scrape: off by default; when on, served on its own port only, with the product's meters and the
/// instance's name on every series. Run as the site itself in a child process on real Kestrel, so that the meters
/// it reads are its own (meters are process-wide, and other tests' hosts share this process).
/// </summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task The_scrape_port_serves_the_products_meters_after_a_search_and_the_site_port_does_not()
    {
        var folder = Directory.CreateTempSubdirectory("pr-metrics-");
        var (sitePort, metricsPort) = (ChildSite.FreePort(), ChildSite.FreePort());
        while (metricsPort == sitePort) metricsPort = ChildSite.FreePort();
        var instance = "metrics-test-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using var child = ChildProcess.Start(folder.FullName,
            [
                $"--Database:Path={Path.Combine(folder.FullName, "data", "procedures.db")}",
                $"--Content:Path={Path.Combine(ReferenceApp.RepositoryRoot(), "content")}",
                $"--Urls=http://127.0.0.1:{sitePort}",
                "--Metrics:Enabled=true",
                $"--Metrics:Port={metricsPort}",
                $"--Instance:Name={instance}",
            ]);
            await child.WaitForLineAsync($"Now listening on: http://127.0.0.1:{metricsPort}");
            await child.WaitForLineAsync($"Now listening on: http://127.0.0.1:{sitePort}");
            using var site = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{sitePort}"), Timeout = ChildProcess.Budget };
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}"), Timeout = ChildProcess.Budget };

            using (var search = await site.GetAsync("/search?q=thrombectomy")) Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            using (var again = await site.GetAsync("/search?q=thrombectomy")) Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            using (var suggest = await site.GetAsync("/api/suggest?q=thromb")) Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);

            using var scrape = await scraper.GetAsync(Metrics.ScrapePath);
            var text = await scrape.Content.ReadAsStringAsync();
            Assert.True(scrape.IsSuccessStatusCode, $"{scrape.StatusCode}: {text}");
            Assert.True(Value(text, "procedurereference_search_duration_milliseconds_count", instance) >= 1, text);
            Assert.True(Value(text, "procedurereference_suggest_duration_milliseconds_count", instance) >= 1, text);
            Assert.True(Value(text, "procedurereference_content_version", instance) >= 1, text);
            // The second search was answered by the output cache.
            Assert.Contains("procedurereference_output_cache_requests_total{", text, StringComparison.Ordinal);
            Assert.Contains("result=\"hit\"", text, StringComparison.Ordinal);
            // ASP.NET Core's and the runtime's meters, and the service and instance named once for the whole target.
            Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
            Assert.Contains("dotnet_gc_collections_total{", text, StringComparison.Ordinal);
            Assert.Matches(TargetInfo(instance), text);

            // The site's port has no scrape, even asked with the scrape port's Host header; the scrape port has no site.
            using (var onSite = await site.GetAsync(Metrics.ScrapePath)) Assert.Equal(HttpStatusCode.NotFound, onSite.StatusCode);
            using (var spoofed = new HttpRequestMessage(HttpMethod.Get, Metrics.ScrapePath))
            {
                spoofed.Headers.Host = $"127.0.0.1:{metricsPort}";
                using var response = await site.SendAsync(spoofed);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
            using (var siteOnScrapePort = await scraper.GetAsync("/search?q=thrombectomy")) Assert.Equal(HttpStatusCode.NotFound, siteOnScrapePort.StatusCode);

            // Every log line on the console names the instance.
            var logLines = child.Output.Split('\n').Where(line => line.StartsWith('[')).ToList();
            Assert.Contains(logLines, line => line.Contains("HTTP GET /search responded 200", StringComparison.Ordinal));
            Assert.All(logLines, line => Assert.Matches(@"^\[\d\d:\d\d:\d\d [A-Z]{3}\] " + Regex.Escape(instance) + " ", line));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_are_off_by_default_and_the_site_has_no_scrape()
    {
        using var app = new ConfiguredApp { OnKestrel = true };
        using var client = new HttpClient { BaseAddress = app.ServerAddress() };

        using var response = await client.GetAsync(Metrics.ScrapePath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Every_log_line_names_the_configured_instance()
    {
        using var app = new ConfiguredApp(("Instance:Name", "web-b.2"));
        using var client = app.CreateClient();
        using (var home = await client.GetAsync("/")) Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var lines = app.LogText().Split('\n').Where(line => line.StartsWith('[')).ToList();
        Assert.Contains(lines, line => line.Contains("HTTP GET / responded 200", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Matches(@"^\[\d\d:\d\d:\d\d [A-Z]{3}\] web-b\.2 ", line));
    }

    [Fact]
    public async Task An_instance_is_named_by_its_machine_and_process_by_default()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient();
        using (var home = await client.GetAsync("/")) Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var name = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        Assert.Equal(name, InstanceOptions.DefaultName());
        Assert.Contains($"] {name} HTTP GET / responded 200", app.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_a_publish_and_a_rollback_record_how_long_they_took()
    {
        using var app = new ConfiguredApp();
        // This app's own instruments: meters are process-wide, and other tests' apps record too.
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var recorded = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, self) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == ReferenceMetrics.MeterName) self.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            recorded.Enqueue(instrument.Name + " " + string.Join(" ", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}"))));
        listener.Start();
        using var session = await app.SignInAsync();

        // An edit, so that the import has something to publish (an unchanged one is not published).
        var page = Path.Combine(app.ContentPath, "004_b058e552b792f92e.txt");
        File.WriteAllText(page, File.ReadAllText(page).Replace("Percutaneous transluminal mechanical thrombectomy is", "Metrics edit is", StringComparison.Ordinal));
        using (var import = await session.PostFormAsync("/admin?handler=ImportFolder", "/admin", [])) Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        var runner = app.Services.GetRequiredService<ImportRunner>();
        await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
        var id = runner.Status.LastStagedId;
        Assert.True(id is not null, runner.Status.LastMessage);
        using (var publish = await session.PostFormAsync($"/admin/imports/{id}?handler=Publish", $"/admin/imports/{id}", new() { ["confirm"] = "yes" })) Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var versions = app.Services.GetRequiredService<IContentStore>().Versions();
        var previous = versions.Versions.First(v => v.Number < versions.LiveNumber).Number.ToString(CultureInfo.InvariantCulture);
        using (var rollback = await session.PostFormAsync("/admin?handler=Rollback", "/admin", new() { ["version"] = previous, ["confirm"] = "v" + previous })) Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);

        Assert.Contains("procedurereference.import.duration result=succeeded", recorded);
        Assert.Contains("procedurereference.publish.duration action=publish result=succeeded", recorded);
        Assert.Contains("procedurereference.publish.duration action=rollback result=succeeded", recorded);
    }

    /// <summary>The value of the series <paramref name="name"/> that carries the instance's label (there is one).</summary>
    private static double Value(string scrape, string name, string instance)
    {
        var line = scrape.Split('\n').SingleOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains($"service_instance_id=\"{instance}\"", StringComparison.Ordinal));
        Assert.True(line is not null, $"no {name} series of {instance} in\n{scrape}");
        return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static Regex TargetInfo(string instance) => new(
        "(?m)^target_info\\{(?=[^}]*service_name=\"procedure-reference\")(?=[^}]*service_instance_id=\"" + Regex.Escape(instance) + "\")[^}]*\\} 1");
}
