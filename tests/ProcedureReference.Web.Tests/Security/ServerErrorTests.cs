using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// Content that cannot be read (the live database file overwritten with garbage while the site runs, and no kept
/// version to put back): readers get the calm 503 page or problem details with a request id and no trace of the
/// exception, that id finds the exception in the log, and /health says why.
/// </summary>
public partial class ServerErrorTests
{
    private static readonly string[] Leaks = ["Exception", "SQLite", "not a database", "   at ", "ProcedureReference.", ".cs:line"];

    [Fact]
    public async Task A_database_that_cannot_be_read_gets_503_with_a_request_id_that_is_in_the_log_and_no_exception_text()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        // With a kept version intact the site would put it back (Faults/CorruptLiveTests): here there is none.
        Faults.LiveDamage.ForgetKeptVersions(app.DatabasePath);
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(app.DatabasePath, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a database. ", 400))));

        var ids = new List<string>();
        foreach (var url in new[] { "/codes/37188", "/search?q=clot", "/browse", "/sitemap.xml" })
        {
            using var response = await client.GetAsync(url);
            var page = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>The reference is busy: please try again in a moment</h1>", page, StringComparison.Ordinal);
            AssertNoLeak(url, page);
            ids.Add(RequestIdOnPage().Match(page).Groups[1].Value);
        }
        // (Type-ahead, lay words included, answers from memory built before the damage: it reads no database.)
        foreach (var url in new[] { "/api/codes/37188", "/api/search?q=clot" })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            using var problem = JsonDocument.Parse(body);

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(problem.RootElement.TryGetProperty("detail", out _));
            AssertNoLeak(url, body);
            ids.Add(problem.RootElement.GetProperty("requestId").GetString()!);
        }

        using (var health = await client.GetAsync("/health"))
        {
            var body = await health.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var status = JsonDocument.Parse(body);
            Assert.Equal("unhealthy", status.RootElement.GetProperty("status").GetString());
            Assert.Equal("The live content cannot be read.", status.RootElement.GetProperty("reason").GetString());
            AssertNoLeak("/health", body);
        }

        var log = app.LogText();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in ids)
        {
            Assert.False(string.IsNullOrEmpty(id));
            // The request's line, and its exception under the same id, with what went wrong.
            Assert.Contains($"responded 503 in", log.Split('\n').Single(line => line.Contains($"({id})", StringComparison.Ordinal)), StringComparison.Ordinal);
            var failure = log.IndexOf($"Request {id} failed (503)", StringComparison.Ordinal);
            Assert.True(failure >= 0, $"no error entry for {id}");
            Assert.Contains("SqliteException", log[failure..Math.Min(log.Length, failure + 2000)], StringComparison.Ordinal);
        }
    }

    private static void AssertNoLeak(string url, string body)
    {
        foreach (var leak in Leaks)
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{url} shows '{leak}':\n{body[..Math.Min(body.Length, 2000)]}");
    }

    [GeneratedRegex("request id <code>([^<]+)</code>")]
    private static partial Regex RequestIdOnPage();
}
