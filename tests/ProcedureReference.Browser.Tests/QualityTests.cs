using System.Diagnostics;
using System.Text.Json;
using ProcedureReference.Browser.Tests.Support;
using Xunit.Abstractions;

namespace ProcedureReference.Browser.Tests;

/// <summary>Each page type checked by tools no one here wrote: axe-core, the Nu HTML Checker, Lighthouse.</summary>
[Collection(SharedBrowser.Name)]
public class QualityTests(BrowserSite site, ITestOutputHelper output)
{
    public static readonly TheoryData<string> PageTypes = new()
    {
        "/", "/search?q=blood+clot", "/search?q=thrombectmy", "/codes/37188", "/browse", "/admin/login", "/codes/99999",
        "/compare?codes=37188,34421,99999", "/compare", "/infobutton?mainSearchCriteria.v.c=99999&mainSearchCriteria.v.cs=2.16.840.1.113883.6.12",
    };

    [BrowserTheory("axe")]
    [MemberData(nameof(PageTypes))]
    public async Task Axe_finds_no_wcag_a_aa_or_best_practice_violation(string path)
    {
        // Playwright adds axe as an inline script, which the site's Content-Security-Policy rightly refuses; the
        // policy itself is checked by ContentSecurityPolicyTests.
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true });
        await page.GotoAsync(site.Url(path));
        await page.AddScriptTagAsync(new() { Path = BrowserTools.AxeScript });

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }))
                .violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')
            """);

        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
    }

    [BrowserTheory("vnu")]
    [MemberData(nameof(PageTypes))]
    public async Task The_nu_html_checker_finds_no_error(string path)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(site.Url(path));
        var html = await response.Content.ReadAsStringAsync();

        // The checker refuses loopback URLs: it reads the page on standard input and reports on standard error.
        var (_, report) = await RunAsync("java", ["-jar", BrowserTools.VnuJar, "--format", "json", "-"], html);
        var errors = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error" || (m.TryGetProperty("subType", out var s) && s.GetString() == "fatal"))
            .Select(m => $"{m.GetProperty("message").GetString()} at line {(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}")
            .ToList();

        Assert.Empty(errors);
    }

    [BrowserTheory("lighthouse")]
    [InlineData("/", "home")]
    [InlineData("/search?q=blood+clot", "search")]
    [InlineData("/codes/37188", "code-page")]
    [InlineData("/compare?codes=37188,34421", "compare")]
    public async Task Lighthouse_scores_accessibility_and_seo_100_and_performance_and_best_practices_95(string path, string name)
    {
        var reportPath = Path.Combine(BrowserTools.OutputFolder, $"lighthouse-{name}.json");
        Task<(int ExitCode, string Output)> Lighthouse() => RunAsync("node",
            [BrowserTools.LighthouseCli, site.Url(path), "--preset=desktop", "--only-categories=performance,accessibility,best-practices,seo",
             "--output=json", "--output-path=" + reportPath, "--quiet", "--chrome-flags=--headless=new " + string.Join(' ', BrowserTools.ChromiumFlags)],
            environment: new() { ["CHROME_PATH"] = BrowserTools.ChromiumPath });
        async Task<Dictionary<string, double>> Audit()
        {
            var (exitCode, log) = await Lighthouse();
            // Lighthouse's own advice for a trace it failed to record on a busy machine ('NO_NAVSTART'): run it again. Once.
            if (exitCode != 0 && log.Contains("Please run Lighthouse again", StringComparison.Ordinal)) (exitCode, log) = await Lighthouse();
            Assert.True(exitCode == 0, log);
            var categories = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath)).RootElement.GetProperty("categories");
            double Score(string category) => Math.Round(categories.GetProperty(category).GetProperty("score").GetDouble() * 100);
            var scores = new[] { "performance", "accessibility", "best-practices", "seo" }.ToDictionary(c => c, Score);
            output.WriteLine($"Lighthouse {path}: " + string.Join(", ", scores.Select(s => $"{s.Key} {s.Value}")));
            return scores;
        }

        var scores = await Audit();
        if (scores["performance"] < 95)
        {
            // The performance score is timed, and a machine shared by the whole suite varies from run to run:
            // Lighthouse's own advice is the median of several runs, so two more and the middle one counts.
            var runs = new List<double> { scores["performance"], (await Audit())["performance"], (await Audit())["performance"] };
            scores["performance"] = runs.Order().ElementAt(1);
        }

        Assert.Equal(100, scores["accessibility"]);
        Assert.Equal(100, scores["seo"]);
        Assert.True(scores["performance"] >= 95, $"performance {scores["performance"]}");
        Assert.True(scores["best-practices"] >= 95, $"best practices {scores["best-practices"]}");
    }

    /// <summary>Runs a tool to the end (ten minutes at most, a bound on a hang): its exit code and standard error (standard output if that is empty).</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string[] args, string? stdin = null, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var error = await stderr;
        return (process.ExitCode, error.Length > 0 ? error : await stdout);
    }
}
